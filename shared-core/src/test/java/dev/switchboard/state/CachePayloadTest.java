package dev.switchboard.state;

import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.Usage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CachePayloadTest {

    private static final String SECRET_TEXT = "my private prompt answer";
    private static final CachedResponse ANSWER = new CachedResponse("openai",
            new ChatResponse(SECRET_TEXT, "gpt-4o", new Usage(3, 5), FinishReason.STOP),
            Instant.parse("2036-11-22T12:00:00Z"), null);

    @Test
    void compressesOnlyAboveTheThreshold() {
        CacheSettings settings = new CacheSettings(true, Duration.ofHours(1), 300, 350_000);
        CachedResponse longer = new CachedResponse("openai", new ChatResponse("la ".repeat(500), "gpt-4o",
                new Usage(3, 5), FinishReason.STOP), ANSWER.storedAt(), null);

        assertFalse(CachePayload.encode(ANSWER, settings).gzipped(), "below the threshold");
        CachePayload packed = CachePayload.encode(longer, settings);
        assertTrue(packed.gzipped());
        assertEquals(longer, CachePayload.stored(packed.bytes(), true).decode());
        CachePayload always = CachePayload.encode(ANSWER, settings.withSizes(0, 350_000));
        assertEquals(ANSWER, CachePayload.stored(always.bytes(), always.gzipped()).decode());
    }

    @Test
    void unreadablePayloadsAreRefusedWithoutQuotingThem() {
        String json = new String(CachedResponseJson.write(ANSWER), StandardCharsets.UTF_8);
        String[] broken = {
                json.replace("\"v\":1", "\"v\":2"),
                json + " {}",
                json.replace("\"model\":\"gpt-4o\",", ""),
                json.replace("\"STOP\"", "\"" + SECRET_TEXT + "\""),
                json.replace("\"stored_at\":\"", "\"stored_at\":\"" + SECRET_TEXT),
                json.replace("[3,5,0,0]", "[3,5,0]"),
                json.substring(0, json.length() / 2),
                SECRET_TEXT};
        for (String payload : broken) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CachePayload.stored(payload.getBytes(StandardCharsets.UTF_8), false).decode(), payload);
            assertFalse(e.getMessage().contains("private"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class,
                () -> CachePayload.stored(json.getBytes(StandardCharsets.UTF_8), true).decode(), "not gzip");
    }

    @Test
    void cacheWritesAreKeptInAFieldOfTheirOwnThatThePreviousFormatSkips() {
        CachedResponse written = new CachedResponse("anthropic", new ChatResponse("hi", "claude-3-5-haiku-20241022",
                new Usage(2021, 9, 0, 1700, 300), FinishReason.STOP), ANSWER.storedAt(), null);
        String json = new String(CachedResponseJson.write(written), StandardCharsets.UTF_8);

        assertTrue(json.contains("\"usage\":[2021,9,0,1700],\"cache_write_tokens\":300"), json);
        assertEquals(written, CachedResponseJson.read(json.getBytes(StandardCharsets.UTF_8)));
        assertFalse(new String(CachedResponseJson.write(ANSWER), StandardCharsets.UTF_8).contains("cache_write"),
                "an answer without cache writes is written as before");
        for (String bad : new String[] {"\"cache_write_tokens\":322", "\"cache_write_tokens\":\"300\""}) {
            byte[] payload = json.replace("\"cache_write_tokens\":300", bad).getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> CachedResponseJson.read(payload), bad);
        }
    }

    @Test
    void unknownFieldsAreSkippedForForwardCompatibility() {
        String json = new String(CachedResponseJson.write(ANSWER), StandardCharsets.UTF_8)
                .replace("{\"v\":1,", "{\"v\":1,\"later\":{\"nested\":[1,2]},");

        assertEquals(ANSWER, CachedResponseJson.read(json.getBytes(StandardCharsets.UTF_8)));
    }
}
