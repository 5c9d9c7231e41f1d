package dev.switchboard.secrets;

import dev.switchboard.testsupport.MutableClock;
import ch.qos.logback.classic.Level;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.JdkUpstreamHttp;
import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamTimeouts;
import dev.switchboard.testing.SecretsManagerTestServer;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Secrets Manager key source through the real AWS SDK client against the project's test server. */
class SecretsManagerApiKeySourceTest {

    private static final String CANARY_KEY = "sk-CANARY-5e1d0b7a-never-print-me";
    private static final String ROTATED_KEY = "sk-CANARY-rotated-2b9f-never-print-me";
    private static final String SECRET = "switchboard/test/providers/openai";
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final SecretsManagerCalls calls = new SecretsManagerCalls();
    private SecretsManagerTestServer server;
    private SecretsManagerApiKeySource source;
    private CapturedLogs logs;

    @BeforeEach
    void start() {
        logs = new CapturedLogs();
        server = SecretsManagerTestServer.start();
        source = sourceOn(server.endpoint());
    }

    @AfterEach
    void stopAndCheckLogs() {
        source.close();
        server.close();
        logs.close();
        for (String line : logs.lines()) {
            assertFalse(line.contains("CANARY"), "a key reached a log line: " + line);
        }
    }

    @Test
    void readsAPlainStringSecret() {
        server.putSecret(SECRET, CANARY_KEY);

        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
        assertTrue(source.keepsAdminKey(), "the admin key lives here too: authentication is on wherever this runs");
        assertFalse(new EnvironmentApiKeySource(Map.of()).keepsAdminKey());
    }

    @Test
    void readsTheApiKeyFieldOfAJsonSecret() {
        server.putSecret(SECRET, "{\"api_key\":\"" + CANARY_KEY + "\",\"note\":\"rotated quarterly\"}");

        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
    }

    @Test
    void eachProviderHasItsOwnSecret() {
        server.putSecret(SECRET, CANARY_KEY);
        server.putSecret("switchboard/test/providers/anthropic", ROTATED_KEY);

        assertEquals(Optional.of(new ApiKey(ROTATED_KEY)), source.apiKey("anthropic"));
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
    }

    @Test
    void aSecondLookupWithinTheTtlIsServedFromTheCache() {
        server.putSecret(SECRET, CANARY_KEY);

        source.apiKey("openai");
        clock.advance(TTL.minusSeconds(1));
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));

        assertEquals(1, calls.getSecretValue());
    }

    @Test
    void aRotatedKeyIsPickedUpOnceTheTtlHasPassed() {
        server.putSecret(SECRET, CANARY_KEY);
        source.apiKey("openai");
        server.putSecret(SECRET, ROTATED_KEY);

        clock.advance(TTL.minusSeconds(1));
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"), "still within the TTL");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(new ApiKey(ROTATED_KEY)), source.apiKey("openai"));
        assertEquals(2, calls.getSecretValue());
    }

    @Test
    void aMissingSecretIsNoKeyAndDescribeNamesTheSecretToCreate() {
        assertEquals(Optional.empty(), source.apiKey("openai"));

        String where = source.describe("openai");
        assertTrue(where.contains("AWS Secrets Manager secret " + SECRET), where);
        assertTrue(where.contains("api_key"), where);
    }

    @Test
    void anAdapterWithoutItsSecretFailsUnauthorizedSayingWhichSecretToCreate() {
        UpstreamTimeouts timeouts = new UpstreamTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1));
        HttpAdapterSupport support = new HttpAdapterSupport(new JdkUpstreamHttp(timeouts.connect()),
                new UpstreamFailures(clock), source, timeouts, new EstimatingTokenCounter(), clock);

        ProviderException e = assertThrows(ProviderException.class, () -> support.requiredKey("openai"));

        assertEquals(ProviderException.Kind.UNAUTHORIZED, e.kind());
        assertTrue(e.getMessage().contains("AWS Secrets Manager secret " + SECRET), e.getMessage());
    }

    @Test
    void aMissingSecretIsCachedTooAndSeenOnceCreatedAfterTheTtl() {
        assertEquals(Optional.empty(), source.apiKey("openai"));
        server.putSecret(SECRET, CANARY_KEY);

        assertEquals(Optional.empty(), source.apiKey("openai"));
        assertEquals(1, calls.getSecretValue());
        clock.advance(TTL);
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
    }

    @Test
    void aSecretInNeitherShapeIsUnauthorizedNamingTheSecretButNotItsContent() {
        for (String unusable : new String[] {"{\"apiKey\":\"" + CANARY_KEY + "\"}", "{\"api_key\":\"\"}",
                "{\"api_key\": 42}", "{not json " + CANARY_KEY, "   ", "two CANARY words", "\uFEFF" + CANARY_KEY,
                "{\"api_key\":\"" + CANARY_KEY + "\u200B\"}"}) {
            server.putSecret(SECRET, unusable);
            clock.advance(TTL);

            ProviderException e = assertThrows(ProviderException.class, () -> source.apiKey("openai"), unusable);
            assertEquals(ProviderException.Kind.UNAUTHORIZED, e.kind());
            assertTrue(e.getMessage().contains(SECRET), e.getMessage());
            assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        }
    }

    @Test
    void secretsManagerDownWithNothingCachedIsUnavailableForThatProvider() {
        server.close();

        ProviderException e = assertThrows(ProviderException.class, () -> source.apiKey("openai"));

        assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
        assertEquals("openai", e.provider());
        assertTrue(e.fallbackAllowed(), "the next candidate, with its own key, may still answer");
        assertTrue(e.keyUnreadable());
        assertFalse(e.breakerFailure(), "the provider is not known to be down: no breaker counts it");
        assertFalse(e.retryable(), "not asked again within the request");
        assertTrue(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aFailedReadWithNothingCachedFailsFastUntilThePauseIsOver() {
        try (SwitchableSecretsManager switchable = SwitchableSecretsManager.inFrontOf(server.endpoint())) {
            SecretsManagerApiKeySource viaSwitch = sourceOn(switchable.endpoint());
            server.putSecret(SECRET, CANARY_KEY);
            switchable.down(true);
            assertThrows(ProviderException.class, () -> viaSwitch.apiKey("openai"));
            long callsAfterFirst = calls.getSecretValue();

            clock.advance(RETRY_AFTER_FAILURE.minusSeconds(1));
            ProviderException again = assertThrows(ProviderException.class, () -> viaSwitch.apiKey("openai"));
            assertTrue(again.keyUnreadable());
            assertEquals(callsAfterFirst, calls.getSecretValue(), "no read while the pause lasts");

            switchable.down(false);
            clock.advance(Duration.ofSeconds(1));
            assertEquals(Optional.of(new ApiKey(CANARY_KEY)), viaSwitch.apiKey("openai"), "asked again once it is over");
            viaSwitch.close();
        }
    }

    @Test
    void secretsManagerDownKeepsTheStaleKeyWithAWarningAndRetriesOnlyAfterAPause() {
        server.putSecret(SECRET, CANARY_KEY);
        source.apiKey("openai");
        server.close();
        clock.advance(TTL);

        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
        assertEquals(1, logs.at(Level.WARN).size(), String.join("\n", logs.lines()));
        String warning = logs.at(Level.WARN).get(0);
        assertTrue(warning.contains("openai") && warning.contains(SECRET), warning);
        assertEquals(2, calls.getSecretValue());

        clock.advance(RETRY_AFTER_FAILURE.minusSeconds(1));
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
        assertEquals(2, calls.getSecretValue(), "no new call while the pause lasts");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(new ApiKey(CANARY_KEY)), source.apiKey("openai"));
        assertEquals(3, calls.getSecretValue());
    }

    @Test
    void anAwsErrorIsUnavailableNamingItsCodeAndTheServiceIsUsedAgainOnceBack() {
        try (SwitchableSecretsManager switchable = SwitchableSecretsManager.inFrontOf(server.endpoint())) {
            SecretsManagerApiKeySource viaSwitch = sourceOn(switchable.endpoint());
            switchable.down(true);
            ProviderException e = assertThrows(ProviderException.class, () -> viaSwitch.apiKey("openai"));
            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("InternalServiceError"), e.getMessage());
            assertFalse(e.getMessage().contains("test outage"), "AWS's own text is not repeated: " + e.getMessage());

            server.putSecret(SECRET, CANARY_KEY);
            switchable.down(false);
            clock.advance(RETRY_AFTER_FAILURE); // until then the failure is given again without a read
            assertEquals(Optional.of(new ApiKey(CANARY_KEY)), viaSwitch.apiKey("openai"));

            server.putSecret(SECRET, ROTATED_KEY);
            switchable.down(true);
            clock.advance(TTL);
            assertEquals(Optional.of(new ApiKey(CANARY_KEY)), viaSwitch.apiKey("openai"), "stale while down");

            switchable.down(false);
            clock.advance(RETRY_AFTER_FAILURE);
            assertEquals(Optional.of(new ApiKey(ROTATED_KEY)), viaSwitch.apiKey("openai"), "fresh once back");
            viaSwitch.close();
        }
    }

    @Test
    void theKeyNeverShowsInTheSourceOrItsMessages() {
        server.putSecret(SECRET, CANARY_KEY);
        ApiKey key = source.apiKey("openai").orElseThrow();

        assertFalse(key.toString().contains("CANARY"));
        assertFalse(source.describe("openai").contains("CANARY"));
        assertFalse(String.valueOf(source).contains("CANARY"));
    }

    @Test
    void byDefaultOneSecretHoldsEveryProvidersKeyByName() {
        SecretsManagerSettings shared = settings(server.endpoint(), SecretsManagerSettings.DEFAULT_NAME_PATTERN);
        server.putSecret("switchboard/test/providers", "{\"openai\": \"" + CANARY_KEY + "\", "
                + "\"anthropic\": {\"api_key\": \"" + ROTATED_KEY + "\"}, \"gemini\": 42}");
        try (SecretsManagerApiKeySource one = new SecretsManagerApiKeySource(
                SecretsManagerClients.create(shared), shared, JsonMapper.createDefault(), clock)) {

            assertEquals(Optional.of(new ApiKey(CANARY_KEY)), one.apiKey("openai"));
            assertEquals(Optional.of(new ApiKey(ROTATED_KEY)), one.apiKey("anthropic"));
            assertEquals(Optional.empty(), one.apiKey("bedrock"), "no field: no key");
            ProviderException unusable = assertThrows(ProviderException.class, () -> one.apiKey("gemini"));
            assertEquals(ProviderException.Kind.UNAUTHORIZED, unusable.kind());
            assertFalse(unusable.getMessage().contains("42"), unusable.getMessage());
            assertTrue(one.describe("bedrock").contains("\"bedrock\" of the AWS Secrets Manager secret "
                    + "switchboard/test/providers"), one.describe("bedrock"));
        }
    }

    @Test
    void theAdminKeyHasASecretOfItsOwn() {
        assertEquals(Optional.empty(), source.adminKey(), "no such secret");
        server.putSecret("switchboard/test/admin", "{\"api_key\": \"" + CANARY_KEY + "\"}");

        assertEquals(Optional.of(CANARY_KEY), source.adminKey());
    }

    @Test
    void anAdminSecretOverwrittenWithNoUsableKeyEndsTheOldKeyRatherThanKeepingIt() {
        server.putSecret("switchboard/test/admin", "{\"api_key\": \"" + CANARY_KEY + "\"}");
        assertEquals(Optional.of(CANARY_KEY), source.adminKey());

        server.putSecret("switchboard/test/admin", "{}"); // an operator ending a leaked key in a hurry

        assertEquals(Optional.empty(), source.adminKey(), "no admin key, not the last one read");
    }

    private SecretsManagerApiKeySource sourceOn(URI endpoint) {
        SecretsManagerSettings settings = settings(endpoint, SecretsManagerSettings.PER_PROVIDER_NAME_PATTERN);
        SecretsManagerClientBuilder builder = SecretsManagerClients.builder(settings);
        builder.overrideConfiguration(builder.overrideConfiguration().toBuilder().addExecutionInterceptor(calls).build());
        return new SecretsManagerApiKeySource(builder.build(), settings, JsonMapper.createDefault(), clock);
    }

    private static SecretsManagerSettings settings(URI endpoint, String pattern) {
        return new SecretsManagerSettings("test", pattern, SecretsManagerSettings.DEFAULT_ADMIN_NAME_PATTERN,
                TTL, RETRY_AFTER_FAILURE, Duration.ofSeconds(2), endpoint, "us-east-1", true);
    }
}
