package dev.switchboard.service;

import dev.switchboard.state.Refusal;
import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.ChatCompletionResponse;
import dev.switchboard.api.StreamBrokenAfterStartException;
import dev.switchboard.cost.Cost;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.routing.Tier;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static dev.switchboard.service.ChatCalls.simulatedAnswer;
import static dev.switchboard.service.ChatCalls.streamed;
import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streamed chat completions: chunk order, fallback before the first chunk, a stream cut after it, and a
 * caller that goes away; a part answer is charged at its estimated usage.
 */
class ChatCompletionStreamTest {

    private final List<ChatCompletionChunk> chunks = new ArrayList<>();

    private static String text(List<ChatCompletionChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.stream().filter(c -> !c.choices().isEmpty()).map(c -> c.choices().get(0).delta().content())
                .filter(content -> content != null).forEach(text::append);
        return text.toString();
    }

    private static List<ChatCompletionChunk> finishing(List<ChatCompletionChunk> chunks) {
        return chunks.stream().filter(c -> !c.choices().isEmpty() && c.choices().get(0).finishReason() != null)
                .toList();
    }

    @Test
    void streamsTextChunksThenOneFinishChunkWithTheRoutingFieldsThenUsage() {
        ScriptedStreamAdapter adapter = ScriptedStreamAdapter.finishing("Hel", "lo, ", "world");
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", adapter,
                deployment("gpt-4o-mini", Tier.ECONOMY));

        fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, chunks::add);

        assertEquals(5, chunks.size(), chunks.toString());
        String id = chunks.get(0).id();
        assertTrue(id.startsWith("chatcmpl-"), id);
        for (ChatCompletionChunk chunk : chunks) {
            assertEquals(id, chunk.id());
            assertEquals("chat.completion.chunk", chunk.object());
            assertEquals(CoreFixture.NOW.getEpochSecond(), chunk.created());
            assertEquals("gpt-4o-mini", chunk.model());
        }
        assertEquals("assistant", chunks.get(0).choices().get(0).delta().role(), "the first chunk names the role");
        for (int i = 0; i < 3; i++) {
            ChatCompletionChunk.ChunkChoice choice = chunks.get(i).choices().get(0);
            assertEquals(i == 0 ? "assistant" : null, choice.delta().role());
            assertNull(choice.finishReason());
            assertNull(chunks.get(i).switchboard());
            assertNull(chunks.get(i).usage());
        }
        assertEquals("Hello, world", text(chunks));

        ChatCompletionChunk finish = chunks.get(3);
        assertEquals(List.of(finish), finishing(chunks));
        assertEquals("stop", finish.choices().get(0).finishReason());
        assertNull(finish.choices().get(0).delta().content());
        ChatCompletionResponse.Gateway gateway = finish.switchboard();
        assertNotNull(gateway);
        assertEquals("scripted", gateway.provider());
        assertEquals(id.substring("chatcmpl-".length()), gateway.routingMetadata().requestId());

        ChatCompletionChunk usage = chunks.get(4);
        assertTrue(usage.choices().isEmpty());
        assertNull(usage.switchboard());
        assertEquals(ScriptedStreamAdapter.USAGE.inputTokens(), usage.usage().promptTokens());
        assertEquals(ScriptedStreamAdapter.USAGE.outputTokens(), usage.usage().completionTokens());
        assertEquals(18, usage.usage().totalTokens());

        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(1, fixture.ledger.rows.size());
        assertEquals(gateway.routingMetadata().requestId(), row.id());
        assertEquals("chat.completions", row.endpoint());
        assertEquals(LedgerEntry.OK, row.status());
        assertEquals(18, row.tokensIn() + row.tokensOut());
        assertEquals(Boolean.FALSE, row.cacheAsked(), "the cache never serves a stream: no miss of it");
    }

    @Test
    void withoutIncludeUsageTheFinishChunkIsTheLast() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        fixture.chatCompletions().stream(streamed(null, "What is Python?", false), CoreFixture.ALICE, chunks::add);

        ChatCompletionChunk last = chunks.get(chunks.size() - 1);
        assertEquals(List.of(last), finishing(chunks));
        assertNotNull(last.switchboard());
        assertTrue(chunks.stream().allMatch(c -> !c.choices().isEmpty() && c.usage() == null), chunks.toString());
    }

    @Test
    void theStreamedTextIsWhatTheSimulatedProviderAnswers() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        fixture.chatCompletions().stream(streamed(null, "What is Python?", true), CoreFixture.ALICE, chunks::add);

        assertEquals(simulatedAnswer("gemini", "gemini-1.5-flash", "What is Python?"), text(chunks));
        assertEquals("assistant", chunks.get(0).choices().get(0).delta().role());
        assertEquals(1, finishing(chunks).size());
        ChatCompletionChunk usage = chunks.get(chunks.size() - 1);
        assertTrue(usage.choices().isEmpty());
        assertEquals(usage.usage().promptTokens() + usage.usage().completionTokens(), usage.usage().totalTokens());
    }

    @Test
    void aProviderFailingBeforeItsFirstChunkFallsBackAndTheFallbackIsRecorded() {
        CoreFixture fixture = CoreFixture.builtInLineUp(1.0, 0, 0);

        fixture.chatCompletions().stream(streamed(null, "What is Python?", false), CoreFixture.ALICE, chunks::add);

        assertEquals(simulatedAnswer("openai", "gpt-4o-mini", "What is Python?"), text(chunks));
        assertTrue(chunks.stream().allMatch(c -> c.model().equals("gpt-4o-mini")), chunks.toString());
        ChatCompletionResponse.Gateway gateway = finishing(chunks).get(0).switchboard();
        assertEquals("openai", gateway.provider());
        assertTrue(gateway.routingMetadata().fallbackUsed());
        assertEquals(List.of("gemini/gemini-1.5-flash (unavailable)"), gateway.routingMetadata().attempted());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.OK, row.status());
        assertTrue(row.fallbackUsed());
        assertEquals(2, row.attempts());
    }

    @Test
    void aStreamBrokenAfterItsFirstChunkIsNeitherRetriedNorHandedOnAndIsLedgeredAsAnError() {
        ScriptedStreamAdapter flaky = ScriptedStreamAdapter.breakingAfter("Hel", "lo");
        // The broken deployment ranks first (economy); a healthy one stands behind it.
        CoreFixture fixture = new CoreFixture()
                .adaptedProvider("flaky", flaky, deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("anthropic", 0, deployment("claude-3-5-haiku-20241022", Tier.STANDARD));

        StreamBrokenAfterStartException e = assertThrows(StreamBrokenAfterStartException.class,
                () -> fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, chunks::add));

        assertEquals(502, e.status());
        assertEquals("provider_stream_broken", e.type());
        assertEquals(List.of("flaky/gemini-1.5-flash (unavailable)"), e.tried());
        assertTrue(e.getMessage().contains("flaky/gemini-1.5-flash"), e.getMessage());
        assertFalse(e.getMessage().contains(ScriptedStreamAdapter.UPSTREAM_TEXT), e.getMessage());
        assertEquals(1, flaky.calls.get(), "a stream that reached the caller is never asked again");

        assertEquals("Hello", text(chunks));
        assertTrue(finishing(chunks).isEmpty(), "no finish chunk over a cut answer");
        assertTrue(chunks.stream().allMatch(c -> c.switchboard() == null && c.usage() == null), chunks.toString());

        assertEquals(1, fixture.ledger.rows.size(), "one row, and no answered row from another deployment");
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("provider_stream_broken", row.errorType());
        assertEquals("chat.completions", row.endpoint());
        assertPartAnswerCharged(fixture, row, "flaky", "gemini-1.5-flash", "Hello");
        assertEquals(1, row.attempts());
    }

    @Test
    void aCallerGoingAwayStopsTheUpstreamAndLedgersTheCancelledPartAnswerWithItsEstimatedCost() {
        ScriptedStreamAdapter adapter = ScriptedStreamAdapter.finishing("Hel", "lo, ", "world");
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", adapter,
                deployment("gpt-4o-mini", Tier.ECONOMY));
        // Takes the first chunk, then its caller is gone when the second is handed over.
        ChatStreamListener leaving = takingOneThen(StreamCancelledException::new);

        assertThrows(StreamCancelledException.class,
                () -> fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, leaving));

        assertInstanceOf(StreamCancelledException.class, adapter.sinkThrew.get(), "the adapter saw its sink throw");
        assertEquals(2, adapter.piecesOffered.get(), "nothing was asked of the upstream after the throw");
        assertEquals(1, adapter.calls.get(), "a cancelled stream is neither retried nor handed on");
        assertEquals("Hel", text(chunks));

        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("client_cancelled", row.errorType());
        // The piece the caller did not take was written, and billed, all the same.
        assertPartAnswerCharged(fixture, row, "scripted", "gpt-4o-mini", "Hello, ");
        assertEquals(1, row.attempts());
        assertFalse(row.fallbackUsed());
    }

    @Test
    void aChunkThatCannotBeWrittenEndsTheStreamAndItsPartAnswerIsLedgeredAndCharged() {
        ScriptedStreamAdapter adapter = ScriptedStreamAdapter.finishing("Hel", "lo, ", "world");
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", adapter,
                deployment("gpt-4o-mini", Tier.ECONOMY));
        // Takes the first chunk; the second cannot be written (a failure of the gateway's own, not the caller's).
        ChatStreamListener failing = takingOneThen(() -> new IllegalStateException("the chunk could not be written"));

        assertThrows(IllegalStateException.class,
                () -> fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, failing));

        assertEquals(1, adapter.calls.get(), "neither retried nor handed on");
        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals(CompletionAccounting.INTERNAL_ERROR, row.errorType());
        assertPartAnswerCharged(fixture, row, "scripted", "gpt-4o-mini", "Hello, ");
        assertEquals(1, row.attempts());
    }

    @Test
    void anAdapterFailingInsideBeforeItsFirstChunkIsLedgeredAndChargesNothing() {
        CoreFixture fixture = new CoreFixture().adaptedProvider("buggy", ScriptedStreamAdapter.failingInside(),
                deployment("gpt-4o-mini", Tier.ECONOMY));

        assertThrows(IllegalStateException.class,
                () -> fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, chunks::add));

        assertTrue(chunks.isEmpty());
        assertEquals(1, fixture.ledger.rows.size());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals(CompletionAccounting.INTERNAL_ERROR, row.errorType());
        assertEquals(1, row.attempts());
        assertEquals(0, fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW).signum());
    }

    @Test
    void aCallerGoingAwayDuringTheFinishChunkLeavesTheAnsweredRowAlone() {
        ScriptedStreamAdapter adapter = ScriptedStreamAdapter.finishing("Hel", "lo");
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", adapter,
                deployment("gpt-4o-mini", Tier.ECONOMY));
        ChatStreamListener leavingAtTheEnd = chunk -> {
            if (chunk.switchboard() != null) {
                throw new StreamCancelledException();
            }
            chunks.add(chunk);
        };

        assertThrows(StreamCancelledException.class,
                () -> fixture.chatCompletions().stream(streamed(null, "hi", true), CoreFixture.ALICE, leavingAtTheEnd));

        assertEquals(1, fixture.ledger.rows.size(), "the whole answer is ledgered once, as answered");
        assertEquals(LedgerEntry.OK, fixture.ledger.rows.get(0).status());
        assertEquals(ScriptedStreamAdapter.USAGE.inputTokens(), fixture.ledger.rows.get(0).tokensIn());
    }

    /** A listener that keeps the first chunk, then throws {@code failure}'s exception at the next. */
    private ChatStreamListener takingOneThen(Supplier<RuntimeException> failure) {
        return chunk -> {
            if (!chunks.isEmpty()) {
                throw failure.get();
            }
            chunks.add(chunk);
        };
    }

    /**
     * The row names the deployment and carries the usage estimated from the request it got and the text
     * it wrote, priced like an answer; the same cost is added to the caller's spend for the day.
     */
    private static void assertPartAnswerCharged(CoreFixture fixture, LedgerEntry row, String provider, String model,
                                                String written) {
        ChatRequest sent = new ChatRequest(model, List.of(ChatMessage.user("hi")), ChatCalls.MAX_TOKENS);
        Usage expected = UsageEstimate.of(new EstimatingTokenCounter(), sent, written);
        assertTrue(expected.inputTokens() > 0 && expected.outputTokens() > 0, expected.toString());
        assertEquals(provider, row.provider());
        assertEquals(model, row.model());
        assertEquals(expected.inputTokens(), row.tokensIn());
        assertEquals(expected.outputTokens(), row.tokensOut());
        Cost cost = new CostCalculator(fixture.prices, "gpt-4o").cost(model, expected);
        assertTrue(row.priced());
        assertTrue(cost.usd() > 0, cost.toString());
        assertEquals(0, BigDecimal.valueOf(cost.usd()).compareTo(row.cost()), row.cost().toString());
        BigDecimal spent = fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);
        assertEquals(0, row.cost().compareTo(spent), spent.toString());
    }

    @Test
    void aStreamWithoutTextSendsEachToolCallInItsOwnChunkTheFirstWithTheRoleThenTheFinishChunk() {
        List<ToolCall> calls = List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                new ToolCall("call_2", "get_time", "{}"));
        CoreFixture fixture = new CoreFixture().adaptedProvider("tooly",
                ScriptedStreamAdapter.askingForTools(calls), deployment("gpt-4o-mini", Tier.ECONOMY));

        fixture.chatCompletions().stream(streamed(null, "weather in Paris?", false), CoreFixture.ALICE, chunks::add);

        assertEquals(3, chunks.size(), chunks.toString());
        for (int i = 0; i < calls.size(); i++) {
            ChatCompletionChunk.ChunkChoice choice = chunks.get(i).choices().get(0);
            assertNull(choice.finishReason());
            assertEquals(i == 0 ? "assistant" : null, choice.delta().role());
            assertNull(chunks.get(i).switchboard());
            assertEquals(1, choice.delta().toolCalls().size(), "one call to a chunk");
            ChatCompletionResponse.ToolCallOut out = choice.delta().toolCalls().get(0);
            assertEquals(i, out.index());
            assertEquals(calls.get(i).id(), out.id());
            assertEquals(calls.get(i).name(), out.function().name());
            assertEquals(calls.get(i).argumentsJson(), out.function().arguments());
        }
        ChatCompletionChunk.ChunkChoice finish = chunks.get(2).choices().get(0);
        assertEquals("tool_calls", finish.finishReason());
        assertNull(finish.delta().role());
        assertEquals(List.of(), finish.delta().toolCalls());
        assertNotNull(chunks.get(2).switchboard(), "the switchboard object rides on the finishing chunk");
    }
}
