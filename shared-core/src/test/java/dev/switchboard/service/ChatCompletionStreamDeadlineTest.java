package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionChunk;
import dev.switchboard.api.RequestTimedOutException;
import dev.switchboard.api.StreamBrokenAfterStartException;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamTimeouts;
import dev.switchboard.provider.http.socket.ConnectionPool;
import dev.switchboard.provider.http.socket.SocketUpstreamHttp;
import dev.switchboard.provider.openai.OpenAiChatAdapter;
import dev.switchboard.provider.openai.OpenAiEndpoint;
import dev.switchboard.resilience.BreakerState;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.state.Refusal;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.WireFixtures;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A streamed chat completion from an OpenAI upstream on 127.0.0.1, over the socket transport, with a
 * request deadline of 1 s on a clock that follows real time. Where the deadline ends streams, a stream
 * still under way is ended there even when nothing comes (or only tool-call pieces, which make no chunk):
 * an error after its text, a 504 when none went out; settled, ledgered, and not held against the deployment.
 * Elsewhere the same quiet stream lasts until its silence limit, as before.
 */
class ChatCompletionStreamDeadlineTest {

    // Long enough that a loaded machine still streams the text before it; far below the 10 s silence limit.
    private static final Duration DEADLINE = Duration.ofMillis(1_000);
    private static final Duration SILENCE = Duration.ofSeconds(10);
    private static final String DEPLOYMENT = "slowpoke/gpt-4o-mini";
    private static final List<String> TEXT = WireFixtures.ssePieces("openai", "stream-text.sse");
    private static final List<String> TOOLS = WireFixtures.ssePieces("openai", "stream-tool-calls.sse");

    private final FakeUpstream upstream = FakeUpstream.start();
    private final List<SocketUpstreamHttp> transports = new ArrayList<>();
    private final List<ChatCompletionChunk> chunks = new ArrayList<>();

    @AfterEach
    void stop() {
        transports.forEach(SocketUpstreamHttp::close);
        upstream.close();
    }

    /** One OpenAI deployment behind the upstream, its silences bounded by {@code silence}. */
    private CoreFixture fixture(boolean deadlineEndsStreams, Duration silence) {
        CoreFixture fixture = new CoreFixture();
        fixture.clock.ticking();
        fixture.resilience = new ResilienceSettings(3, Duration.ofSeconds(60), 3, Duration.ofMillis(100), 2.0,
                Duration.ofSeconds(10), DEADLINE).withDeadlineEndingStreams(deadlineEndsStreams);
        SocketUpstreamHttp http = new SocketUpstreamHttp(Duration.ofSeconds(2),
                new ConnectionPool(ConnectionPool.DEFAULT_MAX_IDLE, ConnectionPool.DEFAULT_PER_ORIGIN, System::nanoTime));
        transports.add(http);
        HttpAdapterSupport support = new HttpAdapterSupport(http, new UpstreamFailures(fixture.clock),
                new EnvironmentApiKeySource(Map.of("SLOWPOKE_API_KEY", "sk-test")),
                new UpstreamTimeouts(Duration.ofSeconds(2), silence), new EstimatingTokenCounter(), fixture.clock);
        JsonMapper json = JsonMapper.createDefault();
        ProviderAdapterFactory openAi = new ProviderAdapterFactory() {
            @Override
            public String protocol() {
                return "openai";
            }

            @Override
            public ChatProvider create(ProviderConfig config) {
                return new OpenAiChatAdapter(config.name(), "openai",
                        new OpenAiEndpoint(upstream.baseUri().toString(), false), support, json);
            }
        };
        return fixture.adaptedProvider("slowpoke", openAi, new DeploymentConfig("gpt-4o-mini", Tier.ECONOMY, 100,
                100_000, new Capabilities(8192, true, false, true)));
    }

    private void stream(CoreFixture fixture) {
        fixture.chatCompletions().stream(ChatCalls.streamed(null, "hi", true), CoreFixture.ALICE, chunks::add);
    }

    private static FakeUpstream.Paced paced(List<String> pieces) {
        return new FakeUpstream.Paced("text/event-stream",
                pieces.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList(), Duration.ofMillis(50));
    }

    /** {@code first}, then the first tool call's next argument piece again and again, 50 ms apart, for 2 s. */
    private static FakeUpstream.Paced toolPiecesAfter(List<String> first) {
        List<String> pieces = new ArrayList<>(first);
        for (int i = 0; i < 40; i++) {
            pieces.add(TOOLS.get(1));
        }
        return paced(pieces);
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        chunks.stream().filter(c -> !c.choices().isEmpty() && c.choices().get(0).delta().content() != null)
                .forEach(c -> text.append(c.choices().get(0).delta().content()));
        return text.toString();
    }

    @Test
    void aStreamThatGoesQuietIsEndedAtTheDeadlineWithAnErrorSettledAndLedgeredAndNotHeldAgainstTheDeployment() {
        CoreFixture fixture = fixture(true, SILENCE);
        // Three times: three failures in a row that counted would open the deployment's circuit.
        for (int i = 0; i < 3; i++) {
            chunks.clear();
            upstream.enqueue(FakeUpstream.Reply.stall("text/event-stream", TEXT.subList(0, 3)));
            long started = System.nanoTime();

            StreamBrokenAfterStartException e = assertThrows(StreamBrokenAfterStartException.class,
                    () -> stream(fixture));

            assertEndedAtTheDeadline(started);
            assertBrokenByTheDeadline(e);
            assertEquals("The sky looks blue", text());
        }
        assertEquals(3, fixture.ledger.rows.size());
        assertPartAnswerLedgeredAndCharged(fixture, 3);
        assertEquals(BreakerState.CLOSED, fixture.breakers.state(DEPLOYMENT));
        assertEquals(0, fixture.latency.snapshot(List.of(DEPLOYMENT)).of(DEPLOYMENT).calls(),
                "no failed call counts in its success rate either");
    }

    @Test
    void aStreamSendingOnlyToolCallPiecesAfterItsTextIsEndedAtTheDeadline() {
        CoreFixture fixture = fixture(true, SILENCE);
        upstream.enqueue(toolPiecesAfter(List.of(TEXT.get(0), TEXT.get(1), TOOLS.get(0))));
        long started = System.nanoTime();

        StreamBrokenAfterStartException e = assertThrows(StreamBrokenAfterStartException.class, () -> stream(fixture));

        assertEndedAtTheDeadline(started);
        assertBrokenByTheDeadline(e);
        assertEquals("The sky", text());
        assertPartAnswerLedgeredAndCharged(fixture, 1);
        assertEquals(BreakerState.CLOSED, fixture.breakers.state(DEPLOYMENT));
    }

    @Test
    void aStreamOfToolCallPiecesOnlyIsEndedAtTheDeadlineAsARequestNoneAnsweredInTime() {
        // Nothing reached the caller: the request fails like one no deployment answered by its deadline.
        CoreFixture fixture = fixture(true, SILENCE);
        upstream.enqueue(toolPiecesAfter(List.of(TOOLS.get(0))));
        long started = System.nanoTime();

        RequestTimedOutException e = assertThrows(RequestTimedOutException.class, () -> stream(fixture));

        assertEndedAtTheDeadline(started);
        assertEquals(504, e.status());
        assertEquals(List.of(DEPLOYMENT + " (timeout)"), e.tried());
        assertTrue(chunks.isEmpty(), chunks.toString());
        LedgerEntry row = fixture.ledger.rows.get(0);
        assertEquals(1, fixture.ledger.rows.size());
        assertEquals(LedgerEntry.ERROR, row.status());
        assertEquals("timeout", row.errorType());
        assertEquals(1, upstream.requests().size(), "not asked again past the deadline");
        assertEquals(BreakerState.CLOSED, fixture.breakers.state(DEPLOYMENT));
        assertEquals(0, fixture.latency.snapshot(List.of(DEPLOYMENT)).of(DEPLOYMENT).calls());
    }

    @Test
    void aStreamWholeBeforeTheDeadlineIsAnsweredAsUsual() {
        CoreFixture fixture = fixture(true, SILENCE);
        upstream.enqueue(FakeUpstream.Reply.stream("text/event-stream", TEXT));

        stream(fixture);

        assertEquals("The sky looks blue because of Rayleigh scattering.", text());
        assertTrue(chunks.stream().anyMatch(c -> c.switchboard() != null), "the finish chunk went out");
        assertEquals(LedgerEntry.OK, fixture.ledger.rows.get(0).status());
        assertEquals(20, fixture.ledger.rows.get(0).tokensIn() + fixture.ledger.rows.get(0).tokensOut());
    }

    @Test
    void whereTheDeadlineDoesNotEndStreamsTheSameQuietStreamLastsUntilItsSilenceLimit() {
        Duration silence = Duration.ofMillis(800);
        CoreFixture fixture = fixture(false, silence);
        upstream.enqueue(FakeUpstream.Reply.stall("text/event-stream", TEXT.subList(0, 3)));
        long started = System.nanoTime();

        StreamBrokenAfterStartException e = assertThrows(StreamBrokenAfterStartException.class, () -> stream(fixture));

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis >= silence.toMillis(), "its silence limit, not the deadline, ended it: " + tookMillis);
        assertEquals(List.of(DEPLOYMENT + " (timeout)"), e.tried());
        assertEquals("The sky looks blue", text());
        assertPartAnswerLedgeredAndCharged(fixture, 1);
    }

    private static void assertEndedAtTheDeadline(long startedNanos) {
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        assertTrue(tookMillis >= DEADLINE.toMillis(), "not before the deadline: " + tookMillis);
        assertTrue(tookMillis < 5_000, "at the deadline, not at the silence limit (10 s): " + tookMillis + " ms");
    }

    /** The error event's content: the deployment's stream broke off, as a timeout, after its text went out. */
    private void assertBrokenByTheDeadline(StreamBrokenAfterStartException e) {
        assertEquals(502, e.status());
        assertEquals("provider_stream_broken", e.type());
        assertEquals(List.of(DEPLOYMENT + " (timeout)"), e.tried());
        assertTrue(chunks.stream().noneMatch(c -> c.switchboard() != null), "no finish chunk over a cut answer");
    }

    /** Every row an error of the broken stream, its text billed, and the caller's spend raised by as much. */
    private static void assertPartAnswerLedgeredAndCharged(CoreFixture fixture, int rows) {
        assertEquals(rows, fixture.ledger.rows.size());
        BigDecimal charged = BigDecimal.ZERO;
        for (LedgerEntry row : fixture.ledger.rows) {
            assertEquals(LedgerEntry.ERROR, row.status());
            assertEquals("provider_stream_broken", row.errorType());
            assertEquals("slowpoke", row.provider());
            assertEquals("gpt-4o-mini", row.model());
            assertTrue(row.tokensOut() > 0 && row.cost().signum() > 0, row.toString());
            charged = charged.add(row.cost());
        }
        BigDecimal spent = fixture.admission.spent("alice", Refusal.BudgetPeriod.DAILY, CoreFixture.NOW);
        assertEquals(0, charged.compareTo(spent), spent.toString());
    }
}
