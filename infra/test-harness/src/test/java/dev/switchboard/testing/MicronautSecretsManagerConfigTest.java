package dev.switchboard.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Micronaut's AWS Secrets Manager configuration client, pointed at {@link SecretsManagerTestServer}, turns
 * secrets under {@code /config/<application>/} and {@code /config/<application>_<environment>/} into
 * configuration properties, the environment-specific one winning.
 */
class MicronautSecretsManagerConfigTest {

    private static final String APPLICATION = "switchboard-harness";

    @Test
    void loadsSecretsAsConfigurationThroughTheBootstrapContext() {
        try (SecretsManagerTestServer secrets = SecretsManagerTestServer.start()) {
            secrets.putSecret("/config/" + APPLICATION + "/providers",
                    "{\"switchboard.providers.openai.api-key\":\"sk-shared\",\"switchboard.limits.daily\":\"10\"}");
            secrets.putSecret("/config/" + APPLICATION + "_" + Environment.TEST + "/limits",
                    "{\"switchboard.limits.daily\":\"42\"}");
            secrets.putSecret("/config/another-application/providers",
                    "{\"switchboard.providers.openai.api-key\":\"sk-not-ours\"}");

            try (ApplicationContext context = ApplicationContext.builder()
                    .environments(Environment.TEST)
                    .bootstrapEnvironment(true)
                    .properties(Map.of(
                            "micronaut.application.name", APPLICATION,
                            "micronaut.config-client.enabled", true,
                            "aws.region", "us-east-1",
                            "aws.services.secretsmanager.endpoint-override", secrets.endpoint().toString()))
                    .start()) {
                assertTrue(context.getEnvironment().getPropertySources().stream()
                        .anyMatch(source -> "awssecretsmanager".equals(source.getName())));
                assertEquals("sk-shared",
                        context.getProperty("switchboard.providers.openai.api-key", String.class).orElse(null));
                assertEquals(42, context.getProperty("switchboard.limits.daily", Integer.class).orElse(-1));
            }
        }
    }
}
