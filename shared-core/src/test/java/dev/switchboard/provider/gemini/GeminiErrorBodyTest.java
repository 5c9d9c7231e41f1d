package dev.switchboard.provider.gemini;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Google API error bodies say to the classifier. */
class GeminiErrorBodyTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static GeminiErrorBody read(String fixture) {
        return GeminiErrorBody.read(GeminiFixtures.bytes(fixture), JSON);
    }

    @Test
    void aWrongKeyIsToldByItsErrorInfoReason() {
        GeminiErrorBody error = read("error-400-api-key-invalid.json");

        assertTrue(error.keyInvalid());
        assertEquals("API_KEY_INVALID", error.code());
        assertFalse(error.contextTooLong());
    }

    @Test
    void otherErrorsGiveTheirCanonicalStatus() {
        GeminiErrorBody error = read("error-400-invalid-argument.json");

        assertFalse(error.keyInvalid());
        assertEquals("INVALID_ARGUMENT", error.code());
        assertFalse(error.contextTooLong());
        assertTrue(read("error-400-context-too-long.json").contextTooLong());
        assertTrue(read("error-400-thinking-budget.json").thinkingRefused());
        assertFalse(error.thinkingRefused());
        assertFalse(read("error-400-context-too-long.json").thinkingRefused());
        assertTrue(read("error-400-penalty.json").penaltyRefused());
        assertFalse(read("error-400-penalty.json").thinkingRefused());
        assertFalse(read("error-400-thinking-budget.json").penaltyRefused());
        assertTrue(read("error-400-validated-mode.json").validatedRefused());
        assertFalse(read("error-400-penalty.json").validatedRefused());
        assertFalse(error.validatedRefused());
        assertTrue(read("error-400-missing-thought-signature.json").signatureRefused());
        assertFalse(read("error-400-missing-thought-signature.json").thinkingRefused());
        assertFalse(read("error-400-thinking-budget.json").signatureRefused());
        assertFalse(error.signatureRefused());
        assertEquals(Optional.of(Duration.ofSeconds(37)), read("error-429-resource-exhausted.json").retryDelay());
    }

    @Test
    void aBodyThatIsNotAGoogleErrorSaysNothing() {
        for (String body : new String[] {"<html>Bad gateway</html>", "", "{\"error\":\"text\"}", "[1]"}) {
            GeminiErrorBody error = GeminiErrorBody.read(body.getBytes(StandardCharsets.UTF_8), JSON);

            assertNull(error.code(), body);
            assertFalse(error.keyInvalid() || error.contextTooLong(), body);
            assertTrue(error.retryDelay().isEmpty(), body);
        }
    }

    @Test
    void retryDelaysAreProtobufDurations() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), GeminiErrorBody.duration("1.5s"));
        assertEquals(Optional.of(Duration.ZERO), GeminiErrorBody.duration("0s"));
        for (String bad : new String[] {"37", "-1s", "soon", "s", "1e9s", "1.5ms"}) {
            assertTrue(GeminiErrorBody.duration(bad).isEmpty(), bad);
        }
    }
}
