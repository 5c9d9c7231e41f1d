package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiKeySourceKindTest {

    @Test
    void withoutThePropertyLambdaMeansSecretsManager() {
        assertEquals(ApiKeySourceKind.SECRETS_MANAGER, ApiKeySourceKind.select(Optional.empty(), Set.of("lambda", "ec2")));
        assertEquals(ApiKeySourceKind.ENVIRONMENT, ApiKeySourceKind.select(Optional.empty(), Set.of("test")));
        assertEquals(ApiKeySourceKind.ENVIRONMENT, ApiKeySourceKind.select(Optional.of(" "), Set.of("local")));
    }

    @Test
    void thePropertyWinsAndIsReadLeniently() {
        assertEquals(ApiKeySourceKind.SECRETS_MANAGER, ApiKeySourceKind.select(Optional.of(" Secrets-Manager "), Set.of()));
        assertEquals(ApiKeySourceKind.ENVIRONMENT, ApiKeySourceKind.select(Optional.of("environment"), Set.of("lambda")));
    }

    @Test
    void anUnknownValueIsAConfigurationError() {
        assertThrows(ConfigurationError.class, () -> ApiKeySourceKind.select(Optional.of("vault"), Set.of("lambda")));
    }
}
