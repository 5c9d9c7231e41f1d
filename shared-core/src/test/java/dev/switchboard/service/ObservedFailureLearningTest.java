package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Observed failures through the service layer: an economy deployment's unusable answer goes back to the
 * caller as it came, its ledger row records the lesson, and the learner takes it from the ledger once,
 * like feedback's, while feedback on that request teaches nothing more.
 */
class ObservedFailureLearningTest {

    private static final String PROMPT = "What is 99 plus two?";

    private static DeploymentConfig economyWithTools() {
        return new DeploymentConfig("gemini-1.5-flash", Tier.ECONOMY, 100, 100_000,
                new Capabilities(128_000, true, false, true));
    }

    /** The examples the fixture's learner has seen once {@code learning} has read the ledger. */
    private static long learned(CoreFixture fixture, LedgerLearning learning) {
        learning.refresh();
        return fixture.learner.estimate(PROMPT).examples();
    }

    private static LedgerLearning learning(CoreFixture fixture) {
        return new LedgerLearning(fixture.learner, () -> fixture.ledger, fixture.clock, Runnable::run);
    }

    private static CoreFixture answeringEmpty() {
        return new CoreFixture().adaptedProvider("scripted", ScriptedStreamAdapter.finishing(),
                deployment("gemini-1.5-flash", Tier.ECONOMY));
    }

    private static String complete(CoreFixture fixture) {
        CompleteResponse response = fixture.completions().complete(new CompleteRequest(PROMPT, 100, false, null),
                CoreFixture.ALICE);
        assertEquals("", response.response(), "the answer goes back unchanged");
        assertEquals("economy", fixture.ledger.find(response.routingMetadata().requestId()).orElseThrow().tier());
        return response.routingMetadata().requestId();
    }

    @Test
    void anEmptyEconomyAnswerTeachesOnceAndLaterFeedbackDoesNotTeachAgain() {
        CoreFixture fixture = answeringEmpty();
        LedgerLearning learning = learning(fixture);
        FeedbackService feedback = new FeedbackService(fixture.ledger, fixture.ids, fixture.clock);
        assertEquals(0, learned(fixture, learning));

        String id = complete(fixture);
        LedgerEntry row = fixture.ledger.find(id).orElseThrow();

        assertEquals(FeedbackEntry.WEAK_FAILED, row.learnerOutcome());
        assertEquals(ObservedFailure.EMPTY, row.learnerNote());
        assertEquals(1, learned(fixture, learning), "the learner's evidence grew by one");
        assertEquals(1, learning.lessonsApplied());

        FeedbackResponse rated = feedback.submit(new FeedbackRequest(id, 1, null, null), CoreFixture.ALICE);

        assertNull(rated.learnerOutcome());
        assertTrue(rated.learnerNote().contains("already taught"), rated.learnerNote());
        assertNull(fixture.ledger.feedback.get(0).learnerOutcome(), "the feedback row records no second lesson");
        fixture.clock.advance(LedgerLearning.MAX_AGE);
        assertEquals(1, learned(fixture, learning), "the request taught once");
        assertEquals(1, learning.lessonsApplied());
    }

    @Test
    void anEmptyAnswerToARequestWithStopSequencesTeachesNothing() {
        CoreFixture fixture = answeringEmpty();
        LedgerLearning learning = learning(fixture);
        ChatCompletionRequest stopped = new ChatCompletionRequest(null, List.of(ChatMessage.user(PROMPT)), 100, true,
                null, List.of(), false, false, false, RoutingPreferences.NONE, null, ToolChoice.AUTO,
                new GenerationOptions(null, List.of("One")));

        fixture.chatCompletions().complete(stopped, CoreFixture.ALICE);

        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals("economy", row.tier());
        assertNull(row.learnerOutcome(), "the answer may have ended at the caller's stop before its first word");
        assertEquals(0, learned(fixture, learning));
    }

    @Test
    void anEmptyStreamIsCheckedWhenItsRowIsWritten() {
        CoreFixture fixture = answeringEmpty();
        LedgerLearning learning = learning(fixture);

        fixture.chatCompletions().stream(ChatCalls.streamed(null, PROMPT, false), CoreFixture.ALICE, chunk -> { });

        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(FeedbackEntry.WEAK_FAILED, row.learnerOutcome());
        assertEquals(ObservedFailure.EMPTY, row.learnerNote());
        assertEquals(1, learned(fixture, learning));
    }

    @Test
    void aToolCallWithArgumentsThatAreNotJsonTeachesAndReachesTheCallerUnchanged() {
        String broken = "{\"city\": \"Par";
        CoreFixture fixture = new CoreFixture().adaptedProvider("tooly",
                ScriptedStreamAdapter.askingForTools(List.of(new ToolCall("call_1", "get_weather", broken))),
                economyWithTools());

        ChatCompletionResponse response = fixture.chatCompletions().complete(ChatCalls.withTools(PROMPT),
                CoreFixture.ALICE);

        assertEquals(broken, response.choices().get(0).message().toolCalls().get(0).function().arguments());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(FeedbackEntry.WEAK_FAILED, row.learnerOutcome());
        assertEquals(ObservedFailure.BAD_TOOL_ARGUMENTS, row.learnerNote());
    }

    @Test
    void anUnusableAnswerIsNotCachedSoTheSameRequestAgainIsCalledAfresh() {
        CoreFixture fixture = answeringEmpty();
        fixture.cacheSettings = CacheSettings.defaults();
        LedgerLearning learning = learning(fixture);

        complete(fixture);
        String again = complete(fixture);

        LedgerEntry row = fixture.ledger.find(again).orElseThrow();
        assertFalse(row.cacheHit(), "the unusable answer was not served from the cache");
        assertEquals(FeedbackEntry.WEAK_FAILED, row.learnerOutcome());
        assertEquals(2, learned(fixture, learning), "each fresh call taught");
    }

    @Test
    void aUsableAnswerIsCachedAndItsHitTeachesNothing() {
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", ScriptedStreamAdapter.finishing("101"),
                deployment("gemini-1.5-flash", Tier.ECONOMY));
        fixture.cacheSettings = CacheSettings.defaults();
        CompleteRequest request = new CompleteRequest(PROMPT, 100, false, null);

        fixture.completions().complete(request, CoreFixture.ALICE);
        String hit = fixture.completions().complete(request, CoreFixture.ALICE).routingMetadata().requestId();

        LedgerEntry row = fixture.ledger.find(hit).orElseThrow();
        assertTrue(row.cacheHit());
        assertNull(row.learnerOutcome());
    }

    @Test
    void aFineAnswerAFailedCallAndAStrongerTiersEmptyAnswerTeachNothing() {
        CoreFixture fine = new CoreFixture().adaptedProvider("scripted", ScriptedStreamAdapter.finishing("101"),
                deployment("gemini-1.5-flash", Tier.ECONOMY));
        fine.completions().complete(new CompleteRequest(PROMPT, 100, false, null), CoreFixture.ALICE);

        CoreFixture failing = new CoreFixture()
                .adaptedProvider("flaky", ScriptedStreamAdapter.breakingAfter(), deployment("gemini-1.5-flash",
                        Tier.ECONOMY))
                .provider("anthropic", 0, deployment("claude-3-5-haiku-20241022", Tier.STANDARD));
        failing.completions().complete(new CompleteRequest(PROMPT, 100, false, null), CoreFixture.ALICE);

        CoreFixture stronger = new CoreFixture().adaptedProvider("scripted", ScriptedStreamAdapter.finishing(),
                deployment("claude-3-5-haiku-20241022", Tier.STANDARD));
        stronger.completions().complete(new CompleteRequest(PROMPT, 100, false, null), CoreFixture.ALICE);

        assertNull(fine.ledger.rows.get(0).learnerOutcome());
        LedgerEntry fellBack = failing.ledger.rows.get(0);
        assertTrue(fellBack.fallbackUsed(), "the economy deployment failed and another answered");
        assertEquals("standard", fellBack.tier());
        assertNull(fellBack.learnerOutcome());
        assertEquals("standard", stronger.ledger.rows.get(0).tier());
        assertNull(stronger.ledger.rows.get(0).learnerOutcome());
        assertEquals(0, learned(fine, learning(fine)));
        assertEquals(0, learned(failing, learning(failing)));
        assertEquals(0, learned(stronger, learning(stronger)));
    }
}
