package dev.switchboard.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AwsBackendKindTest {

    @Test
    void defaultsToTheInProcessBackend() {
        assertEquals(AwsBackendKind.LOCAL, AwsBackendKind.select(new Properties(), Map.of()));
    }

    @Test
    void theEnvironmentVariableSelectsLocalStack() {
        assertEquals(AwsBackendKind.LOCALSTACK,
                AwsBackendKind.select(new Properties(), Map.of("SWITCHBOARD_TEST_BACKEND", "LocalStack")));
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("switchboard.test.backend", "localstack");
        assertEquals(AwsBackendKind.LOCALSTACK,
                AwsBackendKind.select(properties, Map.of("SWITCHBOARD_TEST_BACKEND", "local")));
    }

    @Test
    void aTypoIsAnErrorNotASilentDefault() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AwsBackendKind.select(new Properties(), Map.of("SWITCHBOARD_TEST_BACKEND", "localstak")));
        assertTrue(error.getMessage().contains("localstak"));
    }

    @Test
    void localStackWithoutDockerFailsInsteadOfFallingBack() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AwsBackends.start(AwsBackendKind.LOCALSTACK, () -> false));
        assertTrue(error.getMessage().contains("no Docker engine is reachable"), error.getMessage());
    }
}
