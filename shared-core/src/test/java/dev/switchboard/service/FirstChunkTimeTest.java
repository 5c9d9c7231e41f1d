package dev.switchboard.service;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Tier;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.StreamingAdapter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.switchboard.service.ChatCalls.streamed;
import static dev.switchboard.service.ChatCalls.whole;
import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A stream's time to its first chunk, as the caller felt it, goes in its ledger row; a whole answer has none. */
class FirstChunkTimeTest {

    private static final String MODEL = "gpt-4o-mini";

    @Test
    void aStreamsRowSaysWhenItsFirstTextWentOutBesideItsWholeTime() {
        CoreFixture fixture = new CoreFixture();
        fixture.adaptedProvider("slow-starter", slowStarter(fixture.clock, false), deployment(MODEL, Tier.ECONOMY));

        fixture.chatCompletions().stream(streamed(null, "Plan my week", false), CoreFixture.ALICE, chunk -> { });

        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(300L, row.firstChunkMs(), "the 300 ms the model thought before its first words");
        assertEquals(800, row.latencyMs());
    }

    @Test
    void aStreamOfToolCallsAloneSendsItsFirstChunkWhenTheCallsAreWhole() {
        CoreFixture fixture = new CoreFixture();
        fixture.adaptedProvider("slow-starter", slowStarter(fixture.clock, true), deployment(MODEL, Tier.ECONOMY));

        fixture.chatCompletions().stream(streamed(null, "Weather in Oslo?", false), CoreFixture.ALICE, chunk -> { });

        assertEquals(800L, fixture.ledger.rows.get(0).firstChunkMs());
    }

    @Test
    void aWholeAnswerHasNoFirstChunk() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);

        fixture.chatCompletions().complete(whole(null, "What is Python?"), CoreFixture.ALICE);

        assertNull(fixture.ledger.rows.get(0).firstChunkMs());
    }

    /** Thinks 300 ms, then writes for 500 ms: text, or only a tool call at its end. */
    private static StreamingAdapter slowStarter(MutableClock clock, boolean toolCallsOnly) {
        return StreamingAdapter.of("test-slow-starter", (provider, request, sink) -> {
            clock.advance(Duration.ofMillis(300));
            if (!toolCallsOnly) {
                sink.accept(StreamChunk.text("Monday: "));
            }
            clock.advance(Duration.ofMillis(500));
            sink.accept(StreamChunk.last(toolCallsOnly ? FinishReason.TOOL_CALLS : FinishReason.STOP,
                    new Usage(12, 30), toolCallsOnly ? List.of(new ToolCall("c1", "get_weather",
                            "{\"city\":\"Oslo\"}")) : List.of()));
        });
    }
}
