package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerSettingsTest {

    @Test
    void theDefaultPatternPutsStageAndProviderInTheName() {
        assertEquals("switchboard/prod/providers/openai",
                settings("prod", SecretsManagerSettings.DEFAULT_NAME_PATTERN).secretName("openai"));
    }

    @Test
    void aPatternWithoutTheStageNeedsNoStage() {
        assertEquals("keys/gemini", settings(null, "keys/{provider}").secretName("gemini"));
    }

    @Test
    void aPatternWithoutTheProviderIsRefused() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> settings("prod", "switchboard/{stage}/key"));
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRETS_NAME_PATTERN"), e.getMessage());
    }

    @Test
    void theStageIsRequiredByTheDefaultPatternAndMustBeASecretName() {
        assertTrue(assertThrows(ConfigurationError.class, () -> settings(" ", SecretsManagerSettings.DEFAULT_NAME_PATTERN))
                .getMessage().contains("SWITCHBOARD_SECRETS_STAGE"));
        assertTrue(assertThrows(ConfigurationError.class, () -> settings("pr od", SecretsManagerSettings.DEFAULT_NAME_PATTERN))
                .getMessage().contains("SWITCHBOARD_SECRETS_STAGE"));
    }

    @Test
    void durationsMustBePositive() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> new SecretsManagerSettings("prod",
                SecretsManagerSettings.DEFAULT_NAME_PATTERN, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(2),
                null, null, false));
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRETS_CACHE_TTL"), e.getMessage());
    }

    private static SecretsManagerSettings settings(String stage, String pattern) {
        return new SecretsManagerSettings(stage, pattern, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), null, null, false);
    }
}
