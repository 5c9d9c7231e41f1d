package dev.switchboard.secrets;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretKeyFormatTest {

    private final SecretKeyFormat format = new SecretKeyFormat(JsonMapper.createDefault());

    @Test
    void aPlainKeyIsTakenWithoutSurroundingWhitespace() {
        assertEquals(Optional.of(new ApiKey("sk-plain")), format.read("  sk-plain\n"));
    }

    @Test
    void aJsonSecretGivesItsApiKeyFieldAndIgnoresTheRest() {
        assertEquals(Optional.of(new ApiKey("sk-json")),
                format.read("\n{ \"rotated\": \"2026-01-01\", \"api_key\": \" sk-json \" }"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "sk one", "{\"apiKey\":\"sk-x\"}", "{\"api_key\":null}", "{\"api_key\":[\"sk-x\"]}",
            "{\"api_key\":\"sk x\"}", "{broken", "[\"sk-x\"]", "\"sk-quoted\""})
    void anythingElseHoldsNoKey(String secret) {
        assertEquals(Optional.empty(), format.read(secret));
    }

    @Test
    void aBinarySecretHoldsNoKey() {
        assertEquals(Optional.empty(), format.read(null));
    }
}
