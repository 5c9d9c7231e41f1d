package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerSettingsTest {

    @Test
    void byDefaultOneSecretPerEnvironmentHoldsEveryProvidersKeyAndAnotherTheAdminKey() {
        SecretsManagerSettings settings = settings("prod", SecretsManagerSettings.DEFAULT_NAME_PATTERN);

        assertEquals("switchboard/prod/providers", settings.secretName("openai"));
        assertTrue(settings.sharedSecret());
        assertEquals("switchboard/prod/admin", settings.adminSecretName());
    }

    @Test
    void aPatternWithTheProviderNamesOneSecretPerProvider() {
        SecretsManagerSettings settings = settings("prod", SecretsManagerSettings.PER_PROVIDER_NAME_PATTERN);

        assertEquals("switchboard/prod/providers/openai", settings.secretName("openai"));
        assertFalse(settings.sharedSecret());
    }

    @Test
    void patternsWithoutTheStageNeedNoStage() {
        assertEquals("keys/gemini", new SecretsManagerSettings(null, "keys/{provider}", "keys/admin",
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2), null, null, false)
                .secretName("gemini"));
    }

    @Test
    void anAdminPatternNamingAProviderIsRefused() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> new SecretsManagerSettings("prod",
                SecretsManagerSettings.DEFAULT_NAME_PATTERN, "switchboard/{stage}/{provider}", Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(2), null, null, false));
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRETS_ADMIN_NAME_PATTERN"), e.getMessage());
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
                SecretsManagerSettings.DEFAULT_NAME_PATTERN, SecretsManagerSettings.DEFAULT_ADMIN_NAME_PATTERN, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(2),
                null, null, false));
        assertTrue(e.getMessage().contains("SWITCHBOARD_SECRETS_CACHE_TTL"), e.getMessage());
    }

    private static SecretsManagerSettings settings(String stage, String pattern) {
        return new SecretsManagerSettings(stage, pattern, SecretsManagerSettings.DEFAULT_ADMIN_NAME_PATTERN,
                Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofSeconds(2), null, null, false);
    }
}
