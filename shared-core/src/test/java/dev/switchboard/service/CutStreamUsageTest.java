package dev.switchboard.service;

import dev.switchboard.api.StreamBrokenAfterStartException;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.Cost;
import dev.switchboard.cost.CostCalculator;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.StreamingAdapter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static dev.switchboard.service.ChatCalls.streamed;
import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stream cut before its last chunk is billed for what its provider reported as it went and what its model wrote
 * out of the caller's sight, not only for the text the caller got.
 */
class CutStreamUsageTest {

    private static final String MODEL = "gpt-4o-mini";
    /** What message_start reports: 2,021 tokens in, 1,700 of them read from the prompt cache. */
    private static final Usage INPUT_AS_BILLED = new Usage(2021, 0, 0, 1700, 0);
    private static final String THINKING = "The user wants a plan. First I weigh the options, one by one. ".repeat(8);

    @Test
    void aCallerLeavingWhileTheModelThinksStopsItThereAndIsBilledTheInputAsReportedAndTheThinking() {
        Thinking adapter = new Thinking(null);
        CoreFixture fixture = new CoreFixture().adaptedProvider("thinker", adapter, deployment(MODEL, Tier.ECONOMY));
        AtomicInteger works = new AtomicInteger();
        ChatStreamListener leavingWhileItThinks = new ChatStreamListener() {
            @Override
            public void chunk(dev.switchboard.api.ChatCompletionChunk chunk) {
                throw new AssertionError("no text came");
            }

            @Override
            public void working() {
                if (works.incrementAndGet() == 2) {
                    throw new StreamCancelledException();
                }
            }
        };

        assertThrows(StreamCancelledException.class, () -> fixture.chatCompletions()
                .stream(streamed(null, "Plan my week", false), CoreFixture.ALICE, leavingWhileItThinks));

        assertEquals(2, adapter.offered.get(), "the upstream stopped at the thinking the caller was gone for");
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals("client_cancelled", row.errorType());
        assertEquals(2021, row.tokensIn());
        assertEquals(1700, row.cachedTokensIn(), "the prompt-cache split as the provider reported it");
        assertCharged(fixture, row, new Usage(2021, thinkingTokens(), 0, 1700, 0));
    }

    @Test
    void aStreamBrokenAfterItsTextIsBilledTheReportedOutputWhereItIsMoreThanTheTextEstimate() {
        // Gemini-style running counts: 300 out so far, 280 of them thoughts, while the caller got "Hel".
        Thinking adapter = new Thinking(new Usage(2021, 300, 280, 1700, 0));
        CoreFixture fixture = new CoreFixture().adaptedProvider("thinker", adapter, deployment(MODEL, Tier.ECONOMY));

        assertThrows(StreamBrokenAfterStartException.class, () -> fixture.chatCompletions()
                .stream(streamed(null, "Plan my week", false), CoreFixture.ALICE, chunk -> { }));

        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals("provider_stream_broken", row.errorType());
        assertCharged(fixture, row, new Usage(2021, 300, 280, 1700, 0));
    }

    @Test
    void aRetrysStreamIsBilledForItsOwnWorkNotForTheFailedTryBeforeIt() {
        Thinking adapter = new Thinking(null, true);
        CoreFixture fixture = new CoreFixture().adaptedProvider("thinker", adapter, deployment(MODEL, Tier.ECONOMY));

        assertThrows(StreamBrokenAfterStartException.class, () -> fixture.chatCompletions()
                .stream(streamed(null, "Plan my week", false), CoreFixture.ALICE, chunk -> { }));

        assertEquals(2, adapter.calls.get(), "the first try failed before its text and was retried");
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(1, row.attempts(), "one deployment asked");
        assertCharged(fixture, row, new Usage(2021, outputTokens("Hel" + THINKING), 0, 1700, 0));
    }

    private static int thinkingTokens() {
        return outputTokens(THINKING);
    }

    private static int outputTokens(String written) {
        ChatRequest sent = new ChatRequest(MODEL, List.of(ChatMessage.user("Plan my week")), ChatCalls.MAX_TOKENS);
        return UsageEstimate.of(new EstimatingTokenCounter(), sent, written).outputTokens();
    }

    private static void assertCharged(CoreFixture fixture, LedgerEntry row, Usage expected) {
        assertEquals(expected.inputTokens(), row.tokensIn());
        assertEquals(expected.outputTokens(), row.tokensOut());
        Cost cost = new CostCalculator(fixture.prices, "gpt-4o").cost(MODEL, expected);
        assertTrue(cost.usd() > 0, cost.toString());
        assertEquals(0, BigDecimal.valueOf(cost.usd()).compareTo(row.cost()), row.cost().toString());
        BigDecimal spent = fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);
        assertEquals(0, row.cost().compareTo(spent), "the budget is charged what the row says: " + spent);
    }

    /**
     * Streams as a thinking model does: the input as billed, its thinking out of sight, then (with {@code
     * runningCounts}, the provider's counts so far) a piece of text, and the connection drops.
     */
    private static final class Thinking implements ProviderAdapterFactory {

        final AtomicInteger offered = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        private final Usage runningCounts;
        /** Whether the first call fails after long thinking, before any text. */
        private final boolean firstFails;

        Thinking(Usage runningCounts) {
            this(runningCounts, false);
        }

        Thinking(Usage runningCounts, boolean firstFails) {
            this.runningCounts = runningCounts;
            this.firstFails = firstFails;
        }

        @Override
        public String protocol() {
            return "test-thinking";
        }

        @Override
        public ChatProvider create(ProviderConfig config) {
            return StreamingAdapter.of(protocol(), this::stream).create(config);
        }

        private void stream(String provider, ChatRequest request, Consumer<StreamChunk> sink) {
            offer(sink, StreamChunk.progress("", INPUT_AS_BILLED));
            if (calls.incrementAndGet() == 1 && firstFails) {
                offer(sink, StreamChunk.progress(THINKING + THINKING + THINKING, null));
                throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE, "overloaded");
            }
            offer(sink, StreamChunk.progress(THINKING, null));
            if (runningCounts != null) {
                offer(sink, StreamChunk.progress("", runningCounts));
            }
            offer(sink, StreamChunk.text("Hel"));
            throw new ProviderException(provider, ProviderException.Kind.UNAVAILABLE, "connection reset");
        }

        private void offer(Consumer<StreamChunk> sink, StreamChunk chunk) {
            offered.incrementAndGet();
            sink.accept(chunk);
        }
    }
}
