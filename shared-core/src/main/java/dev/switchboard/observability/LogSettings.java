package dev.switchboard.observability;

import java.util.Locale;
import java.util.Map;

/**
 * How the process logs, decided from its environment before anything else runs (logback reads it
 * through {@link LogbackSetup} while it configures itself, before Micronaut's configuration
 * exists). On Lambda the defaults are JSON lines and EMF metrics; elsewhere (the local gateway, tests)
 * readable lines and no metrics, unless the variables say otherwise.
 *
 * @param json         one JSON object per line instead of readable text
 * @param requestLines one "request completed" line per request (on whenever the lines are JSON)
 * @param emfMetrics   one CloudWatch Embedded Metric Format document per request on stdout
 */
public record LogSettings(boolean json, boolean requestLines, boolean emfMetrics) {

    /** json or text. */
    public static final String FORMAT_VARIABLE = "SWITCHBOARD_LOG_FORMAT";
    /** emf or off. */
    public static final String METRICS_VARIABLE = "SWITCHBOARD_METRICS";
    /** Set by the Lambda runtime in every function's environment. */
    static final String LAMBDA_VARIABLE = "AWS_LAMBDA_FUNCTION_NAME";

    /**
     * The settings for {@code environment}.
     *
     * @throws IllegalArgumentException naming the variable, when one has a value it does not take
     */
    public static LogSettings from(Map<String, String> environment) {
        boolean lambda = present(environment.get(LAMBDA_VARIABLE));
        boolean json = choice(environment, FORMAT_VARIABLE, "json", "text", lambda);
        boolean emf = choice(environment, METRICS_VARIABLE, "emf", "off", lambda);
        return new LogSettings(json, json, emf);
    }

    /** As {@link #from}, but a bad value means the defaults for this environment, with the problem returned. */
    static Lenient lenient(Map<String, String> environment) {
        try {
            return new Lenient(from(environment), null);
        } catch (IllegalArgumentException e) {
            return new Lenient(from(Map.of(LAMBDA_VARIABLE, environment.getOrDefault(LAMBDA_VARIABLE, ""))),
                    e.getMessage());
        }
    }

    record Lenient(LogSettings settings, String problem) {
    }

    private static boolean choice(Map<String, String> environment, String variable, String yes, String no,
                                  boolean fallback) {
        String value = environment.get(variable);
        if (!present(value)) {
            return fallback;
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals(yes)) {
            return true;
        }
        if (normalised.equals(no)) {
            return false;
        }
        throw new IllegalArgumentException(variable + " must be " + yes + " or " + no + ", not '" + value + "'");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
