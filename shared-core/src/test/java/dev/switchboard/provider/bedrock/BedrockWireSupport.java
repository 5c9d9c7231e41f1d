package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.http.FakeUpstream.Reply;
import dev.switchboard.provider.http.FakeUpstream;
import dev.switchboard.provider.http.UpstreamTimeouts;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.SafeFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Bedrock adapter against a fake Bedrock endpoint on 127.0.0.1: the cases of
 * UpstreamContractTest (whose HTTP-key and text-stream hooks do not fit an SDK adapter signing with
 * IAM and streaming binary frames), in Bedrock's shapes, split into the Converse and the
 * ConverseStream suites. The secret key is a canary: it must reach no exception message and no log
 * line, and neither may AWS's error text.
 */
abstract class BedrockWireSupport {

    protected static final String PROVIDER = "bedrock-under-test";
    protected static final String CANARY_SECRET = "CANARY-secret-7f3a9c1e-never-print-me";
    protected static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", CANARY_SECRET));
    protected static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    protected static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();

    protected FakeUpstream upstream;
    private LogLines logs;
    private final List<BedrockClients> clients = new ArrayList<>();

    @BeforeEach
    void startUpstream() {
        upstream = FakeUpstream.start();
        logs = new LogLines();
    }

    @AfterEach
    void stopAndCheckLogs() {
        clients.forEach(BedrockClients::close);
        upstream.close();
        logs.close();
        for (String line : logs.lines()) {
            assertFalse(line.contains(CANARY_SECRET), "the secret reached a log line: " + line.split(" ")[1]);
            assertFalse(line.contains(SafeFailures.UPSTREAM_SAYS), "AWS's error text reached a log line: "
                    + line.split(" ")[1]);
        }
    }

    protected ChatProvider provider(AwsCredentialsProvider credentials, Duration callTimeout) {
        return provider(credentials, callTimeout, null);
    }

    /** A provider whose requests go through {@code guardrail} (null for none). */
    protected ChatProvider provider(AwsCredentialsProvider credentials, Duration callTimeout, BedrockGuardrail guardrail) {
        BedrockClients opened = new BedrockClients(credentials, new UpstreamTimeouts(Duration.ofSeconds(2), callTimeout),
                () -> Region.US_EAST_1);
        clients.add(opened);
        BedrockAdapterFactory factory = new BedrockAdapterFactory(opened,
                new UpstreamTimeouts(Duration.ofSeconds(2), callTimeout), Clock.fixed(NOW, ZoneOffset.UTC), TOKENS);
        return factory.create(new ProviderConfig(PROVIDER, "bedrock", upstream.baseUri().toString(), List.of(), null,
                false, guardrail));
    }

    protected ChatProvider provider() {
        return provider(CREDENTIALS, Duration.ofSeconds(10));
    }

    protected static ChatRequest request() {
        return new ChatRequest("test-model", List.of(new ChatMessage("system", "Answer briefly."),
                ChatMessage.user("Say hello.")), 64);
    }

    protected static FakeUpstream.Whole error(int status, String type, String message) {
        return Reply.json(status, "{\"message\": \"" + message + "\"}").header("x-amzn-ErrorType", type);
    }

    protected static String upstreamText(String what) {
        return "upstream says " + what + " for secret " + CANARY_SECRET;
    }

    protected ProviderException failure(Reply reply) {
        upstream.enqueue(reply);
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(request()));
        assertSafe(e);
        return e;
    }

    protected ProviderException streamFailure(Reply reply, List<StreamChunk> chunks) {
        upstream.enqueue(reply);
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(request(), chunks::add));
        assertSafe(e);
        assertTrue(chunks.stream().noneMatch(StreamChunk::isLast), "a failed stream must not end as if whole");
        return e;
    }

    protected static void assertSafe(ProviderException e) {
        SafeFailures.assertSafe(e, PROVIDER, CANARY_SECRET);
    }

    protected static Reply eventStream(String fixture) {
        return Reply.binary(EventStreamFrames.CONTENT_TYPE, BedrockFixtures.frames(fixture), true);
    }
}
