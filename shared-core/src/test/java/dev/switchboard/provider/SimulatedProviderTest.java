package dev.switchboard.provider;

import dev.switchboard.cost.ImageTokenEstimate;
import dev.switchboard.cost.EstimatingTokenCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.provider.SimulatedProviders.ask;
import static dev.switchboard.provider.SimulatedProviders.simulated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedProviderTest {

    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();

    /** What each of {@code calls} calls did: the answer text, or the kind of failure. */
    private static List<String> outcomes(SimulatedProvider provider, int calls) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            try {
                outcomes.add(provider.complete(ask("question " + (i % 5))).text());
            } catch (ProviderException e) {
                outcomes.add("failed:" + e.kind());
            }
        }
        return outcomes;
    }

    @Test
    void identifiesItself() {
        SimulatedProvider provider = simulated().named("gemini").build();

        assertEquals("gemini", provider.name());
        assertEquals("simulated", provider.protocol());
    }

    @Test
    void sameSeedAndSameCallsGiveTheSameOutcomesAndLatencies() {
        RecordingSleeper firstSleeper = new RecordingSleeper();
        RecordingSleeper secondSleeper = new RecordingSleeper();
        SimulatedProvider first = simulated().failureRate(0.3).seed(7).sleeper(firstSleeper).build();
        SimulatedProvider second = simulated().failureRate(0.3).seed(7).sleeper(secondSleeper).build();

        List<String> outcomes = outcomes(first, 60);

        assertEquals(outcomes, outcomes(second, 60));
        assertEquals(firstSleeper.requested, secondSleeper.requested);
        assertTrue(outcomes.contains("failed:UNAVAILABLE") && outcomes.stream().anyMatch(o -> !o.startsWith("failed")),
                "a 30% failure rate over 60 calls should show both outcomes: " + outcomes);
    }

    @Test
    void aDifferentSeedGivesADifferentSequence() {
        List<String> seven = outcomes(simulated().failureRate(0.5).seed(7).build(), 40);
        List<String> eight = outcomes(simulated().failureRate(0.5).seed(8).build(), 40);

        assertNotEquals(seven, eight);
    }

    @Test
    void theAnswerDependsOnlyOnSeedModelAndPrompt() {
        SimulatedProvider provider = simulated().build();
        ChatResponse first = provider.complete(ask("What is a monad?"));
        provider.complete(ask("something else in between"));

        assertEquals(first, provider.complete(ask("What is a monad?")));
        assertEquals(first, simulated().latencyMs(999).build().complete(ask("What is a monad?")));
    }

    @Test
    void theAnswerChangesWithModelPromptOrSeed() {
        String answer = simulated().build().complete(ask("What is a monad?")).text();

        assertNotEquals(answer, simulated().build().complete(ask("What is a functor?")).text());
        assertNotEquals(answer, simulated().build().complete(ask("sim-large", "What is a monad?", 1000)).text());
        assertNotEquals(answer, simulated().seed(43).build().complete(ask("What is a monad?")).text());
    }

    @Test
    void theAnswerNamesTheProviderAndModelAndEchoesTheStartOfThePrompt() {
        ChatResponse response = simulated().named("gemini").build().complete(ask("  What   is\na monad?  "));

        assertTrue(response.text().startsWith("[simulated gemini/sim-small] You asked: \"What is a monad?\"."),
                response.text());
        assertEquals("sim-small", response.model());
        assertEquals(FinishReason.STOP, response.finishReason());
    }

    @Test
    void longPromptsAreShortenedInTheEcho() {
        String prompt = "word ".repeat(40);

        String text = simulated().build().complete(ask(prompt)).text();

        assertTrue(text.contains("You asked: \"" + prompt.strip().substring(0, 57) + "...\"."), text);
    }

    @Test
    void usageCountsThePromptAndTheAnswer() {
        String prompt = "Explain the CAP theorem with an example";

        ChatResponse response = simulated().build().complete(ask(prompt));

        assertEquals(TOKENS.count(prompt), response.usage().inputTokens());
        assertEquals(TOKENS.count(response.text()), response.usage().outputTokens());
        assertTrue(response.usage().outputTokens() >= 16, "answers aim for 16 to 255 tokens");
    }

    @Test
    void allMessagesCountAsInput() {
        ChatRequest request = new ChatRequest("sim-small",
                List.of(new ChatMessage("system", "Be brief."), ChatMessage.user("Hi there")), 100);

        ChatResponse response = simulated().build().complete(request);

        assertEquals(TOKENS.count("Be brief.\nHi there"), response.usage().inputTokens());
    }

    @Test
    void imagesAreMentionedAndCountAsInputAsTheGatewayEstimatesThem() {
        ImageInput square = TestImages.png(1000, 1000);
        ChatRequest request = new ChatRequest("sim-small", List.of(ChatMessage.userWithParts(List.of(
                new MessagePart.Text("Compare"), new MessagePart.Image(square), new MessagePart.Image(square)))), 400);

        ChatResponse response = simulated().build().complete(request);

        assertTrue(response.text().contains("You asked: \"Compare\" about 2 images."), response.text());
        assertEquals(TOKENS.count("Compare") + 2 * ImageTokenEstimate.of(square), response.usage().inputTokens());

        ChatResponse withFile = simulated().build().complete(new ChatRequest("sim-small", List.of(
                ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare"), new MessagePart.Image(square),
                        new MessagePart.Document(TestDocuments.document("a.pdf", 2))))), 400));
        assertTrue(withFile.text().contains("You asked: \"Compare\" about one image and one file."), withFile.text());
        assertEquals(TOKENS.count("Compare") + ImageTokenEstimate.of(square) + 4_000, withFile.usage().inputTokens());

        ChatResponse withClip = simulated().build().complete(new ChatRequest("sim-small", List.of(
                ChatMessage.userWithParts(List.of(new MessagePart.Text("Transcribe"),
                        new MessagePart.Audio(TestAudio.wavClip(1000))))), 400));
        assertTrue(withClip.text().contains("You asked: \"Transcribe\" about one audio clip."), withClip.text());
        assertEquals(TOKENS.count("Transcribe") + 32, withClip.usage().inputTokens());
    }

    @Test
    void whatWasSentBesidesTextIsNamedInOneList() {
        assertEquals("", SimulatedProvider.attachments(0, 0, 0));
        assertEquals("2 images", SimulatedProvider.attachments(2, 0, 0));
        assertEquals("one file and 3 audio clips", SimulatedProvider.attachments(0, 1, 3));
        assertEquals("one image, one file and one audio clip", SimulatedProvider.attachments(1, 1, 1));
    }

    @Test
    void streamsTheSameAnswerAFewWordsAtATimeThenOneLastChunk() {
        ChatRequest request = new ChatRequest("sim-small", List.of(ChatMessage.user("Tell me about streams")), 200);
        ChatResponse whole = simulated().seed(3).build().complete(request);
        List<StreamChunk> chunks = new java.util.ArrayList<>();

        simulated().seed(3).build().stream(request, chunks::add);

        StreamChunk last = chunks.get(chunks.size() - 1);
        assertTrue(last.isLast());
        assertEquals(whole.finishReason(), last.finishReason());
        assertEquals(whole.usage(), last.usage());
        assertTrue(chunks.size() > 3, "several text chunks: " + chunks.size());
        assertEquals(whole.text(), chunks.stream().map(StreamChunk::textDelta).collect(
                java.util.stream.Collectors.joining()));
    }

    @Test
    void failureRateIsHonouredOverManyCalls() {
        SimulatedProvider provider = simulated().failureRate(0.1).seed(42).build();

        long failures = outcomes(provider, 2000).stream().filter(o -> o.startsWith("failed")).count();

        // expected 200, standard deviation ~13.4; the band is about 4 sigma wide each side
        assertTrue(failures >= 145 && failures <= 255, "failures: " + failures);
    }

    @Test
    void aZeroFailureRateNeverFails() {
        assertTrue(outcomes(simulated().failureRate(0.0).build(), 500).stream().noneMatch(o -> o.startsWith("failed")));
    }

    @Test
    void aFailureRateOfOneAlwaysFailsAsUnavailable() {
        SimulatedProvider provider = simulated().named("flaky").failureRate(1.0).build();

        for (int i = 0; i < 200; i++) {
            ProviderException e = assertThrows(ProviderException.class, () -> provider.complete(ask("hi")));
            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertEquals("flaky", e.provider());
            assertTrue(e.fallbackAllowed());
            assertTrue(e.getMessage().contains("503"), e.getMessage());
        }
    }

    @Test
    void anUnknownModelIsRejectedWithoutWaitingAndWithoutUsingUpTheSequence() {
        RecordingSleeper sleeper = new RecordingSleeper();
        SimulatedProvider provider = simulated().named("sim").failureRate(0.5).sleeper(sleeper).build();

        ProviderException e = assertThrows(ProviderException.class,
                () -> provider.complete(ask("gpt-4o", "hi", 10)));

        assertEquals(ProviderException.Kind.REJECTED, e.kind());
        assertFalse(e.fallbackAllowed());
        assertEquals("sim does not serve model gpt-4o", e.getMessage());
        assertEquals(List.of(), sleeper.requested);
        assertEquals(outcomes(simulated().failureRate(0.5).build(), 30), outcomes(provider, 30));
    }

    @ParameterizedTest(name = "max_tokens={0}")
    @ValueSource(ints = {1, 2, 5, 10, 15})
    void aSmallAnswerBudgetTruncatesWithFinishReasonLength(int maxTokens) {
        ChatResponse response = simulated().build().complete(ask("sim-small", "Tell me about Lisbon", maxTokens));

        assertEquals(FinishReason.LENGTH, response.finishReason());
        assertTrue(response.usage().outputTokens() <= maxTokens, response.usage() + " > " + maxTokens);
        assertTrue(response.usage().outputTokens() >= 1);
        assertEquals(TOKENS.count(response.text()), response.usage().outputTokens());
    }

    @Test
    void aTruncatedAnswerIsThePrefixOfTheFullOne() {
        String full = simulated().build().complete(ask("sim-small", "Tell me about Lisbon", 4000)).text();

        String cut = simulated().build().complete(ask("sim-small", "Tell me about Lisbon", 8)).text();

        assertTrue(full.startsWith(cut) && cut.length() < full.length(), cut);
    }

    @Test
    void aGenerousBudgetIsNotTruncated() {
        for (int i = 0; i < 50; i++) {
            ChatResponse response = simulated().build().complete(ask("sim-small", "prompt " + i, 4000));
            assertEquals(FinishReason.STOP, response.finishReason());
            assertTrue(response.usage().outputTokens() < 4000);
        }
    }

    @Test
    void latencyLiesBetweenHalfAndOneAndAHalfTimesTheConfiguredMean() {
        RecordingSleeper sleeper = new RecordingSleeper();
        SimulatedProvider provider = simulated().latencyMs(200).failureRate(0.2).sleeper(sleeper).build();

        outcomes(provider, 500);

        assertEquals(500, sleeper.requested.size(), "failed calls wait too");
        long shortest = sleeper.requested.stream().mapToLong(Duration::toMillis).min().orElseThrow();
        long longest = sleeper.requested.stream().mapToLong(Duration::toMillis).max().orElseThrow();
        assertTrue(shortest >= 100 && longest <= 300, shortest + ".." + longest);
        assertTrue(shortest < 120 && longest > 280, "jitter should span most of the range: " + shortest + ".." + longest);
    }

    @Test
    void zeroLatencyWaitsZero() {
        RecordingSleeper sleeper = new RecordingSleeper();

        simulated().latencyMs(0).sleeper(sleeper).build().complete(ask("hi"));

        assertEquals(List.of(Duration.ZERO), sleeper.requested);
    }

    @Test
    void anInterruptedWaitIsATimeoutAndKeepsTheInterruptFlag() {
        SimulatedProvider provider = simulated().sleeper(d -> {
            throw new InterruptedException();
        }).build();

        try {
            ProviderException e = assertThrows(ProviderException.class, () -> provider.complete(ask("hi")));
            assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
