package dev.switchboard.state;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The semantics every {@link ResponseCache} adapter must have, run against each. Keys are unique per
 * test, so adapters that share a table across tests see no leftovers. The clock runs ten years ahead
 * (see {@link AdmissionStoreContract#TEN_YEARS}), so DynamoDB Local's real-time TTL sweeper leaves
 * entries alone and expiry is decided by the clock alone.
 */
public abstract class ResponseCacheContract {

    /** Small sizes, so that compression and skipping are reached with modest answers. */
    protected static final CacheSettings SETTINGS = new CacheSettings(true, Duration.ofHours(1), 1024, 40_000);
    protected final MutableClock clock = new MutableClock();
    protected ResponseCache cache;
    private String run;

    protected abstract ResponseCache cache(CacheSettings settings, Clock clock);

    @BeforeEach
    void freshCache() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
        cache = cache(SETTINGS, clock);
        run = UUID.randomUUID().toString();
    }

    protected CacheKey key(String prompt) {
        return CacheKey.of("model:gpt-4o", List.of(ChatMessage.user(run + " " + prompt)), null, null, null);
    }

    protected CachedResponse answer(String text) {
        return new CachedResponse("openai", new ChatResponse(text, "gpt-4o-2024-08-06", new Usage(12, 34),
                FinishReason.STOP), clock.instant(), new BigDecimal("0.0003700000"));
    }

    @Test
    void returnsEveryFieldAsStoredWithToolCallsAndUnicode() {
        String text = "Grüße, 世界! \"quoted\" \\ back-slash\nnew line\ttab 🚀 e\u0301 \u2028";
        CachedResponse stored = new CachedResponse("anthropic", new ChatResponse(text, "claude-3-5-sonnet-20241022",
                new Usage(1200, 340, 120, 900, 250), FinishReason.TOOL_CALLS, List.of(
                        new ToolCall("toolu_01", "weather", "{\"city\":\"Zürich\"}"),
                        new ToolCall("toolu_02", "time", "{}"))),
                clock.instant().plusNanos(123_456_789), new BigDecimal("0.0123450000"));

        assertTrue(cache.put(key("tools"), stored));

        assertEquals(Optional.of(stored), cache.get(key("tools")));
    }

    @Test
    void keepsAnUnpricedAnswerUnpriced() {
        CachedResponse unpriced = new CachedResponse("local", new ChatResponse("hi", "llama3", new Usage(1, 1),
                FinishReason.LENGTH), clock.instant(), null);

        assertTrue(cache.put(key("unpriced"), unpriced));

        assertEquals(Optional.of(unpriced), cache.get(key("unpriced")));
    }

    @Test
    void anUnknownKeyIsAMiss() {
        cache.put(key("stored"), answer("stored"));

        assertEquals(Optional.empty(), cache.get(key("never stored")));
    }

    @Test
    void anEntryExpiresAfterTheTtlByTheClock() {
        cache.put(key("expiring"), answer("soon gone"));

        clock.advance(SETTINGS.ttl().minusSeconds(1));
        assertTrue(cache.get(key("expiring")).isPresent(), "one second before the TTL");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.get(key("expiring")), "at the TTL");
    }

    @Test
    void aLargeAnswerIsCompressedAndComesBackIntact() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("Paragraph ").append(i).append(": the quick brown fox jumps over the lazy dog — übrigens.\n");
        }
        CachedResponse large = answer(text.toString());

        assertTrue(cache.put(key("large"), large), "200 KB of prose compresses well under 40 KB");

        assertEquals(Optional.of(large), cache.get(key("large")));
    }

    @Test
    void anAnswerTooLargeEvenCompressedIsSkippedNotAnError() {
        assertFalse(cache.put(key("too large"), answer(incompressible(80_000))));

        assertEquals(Optional.empty(), cache.get(key("too large")));
    }

    @Test
    void aSecondPutReplacesTheAnswerAndRestartsTheTtl() {
        cache.put(key("twice"), answer("first"));
        clock.advance(Duration.ofMinutes(30));
        CachedResponse second = answer("second");

        assertTrue(cache.put(key("twice"), second));
        clock.advance(Duration.ofMinutes(45));

        assertEquals(Optional.of(second), cache.get(key("twice")));
    }

    /** Random letters and digits: gzip saves only about a quarter of them. */
    protected static String incompressible(int length) {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
