package dev.switchboard.testing;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Which {@link AwsBackend} a test JVM uses. The system property {@value #PROPERTY} (set by the root pom's
 * {@code localstack} profile) wins over the environment variable {@value #ENVIRONMENT_VARIABLE}; with
 * neither, tests run against the in-process stand-ins.
 */
enum AwsBackendKind {
    LOCAL("local"),
    LOCALSTACK("localstack");

    static final String PROPERTY = "switchboard.test.backend";
    static final String ENVIRONMENT_VARIABLE = "SWITCHBOARD_TEST_BACKEND";

    private final String setting;

    AwsBackendKind(String setting) {
        this.setting = setting;
    }

    String setting() {
        return setting;
    }

    static AwsBackendKind select(Properties systemProperties, Map<String, String> environment) {
        String property = systemProperties.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property, "system property " + PROPERTY);
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return parse(variable, "environment variable " + ENVIRONMENT_VARIABLE);
        }
        return LOCAL;
    }

    private static AwsBackendKind parse(String value, String source) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        for (AwsBackendKind kind : values()) {
            if (kind.setting.equals(normalized)) {
                return kind;
            }
        }
        // A typo must not quietly run the suite against a backend nobody asked for.
        throw new IllegalStateException(source + " is '" + value + "'; use 'local' or 'localstack'.");
    }
}
