package dev.switchboard.observability;

import dev.switchboard.config.ConfigurationError;

import java.util.regex.Pattern;

/**
 * The CloudWatch namespace the metrics go to. One per environment (the template sets
 * {@code Switchboard/<env>}), so that dev and staging traffic never adds to prod's figures or alarms.
 * CloudWatch takes up to 255 of letters, digits, {@code . - _ / # :} and spaces, and keeps names
 * starting with {@code AWS/} for itself; anything else would have every document dropped.
 */
public record MetricsNamespace(String value) {

    // Before DEFAULT, which the constructor checks against it.
    private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z._/#: -]{1,255}");
    public static final String PROPERTY = "switchboard.metrics-namespace";
    public static final MetricsNamespace DEFAULT = new MetricsNamespace("Switchboard");

    public MetricsNamespace {
        if (value == null || !ALLOWED.matcher(value).matches() || value.isBlank() || value.startsWith("AWS/")) {
            throw new ConfigurationError(ConfigurationError.setting(PROPERTY) + " must be 1 to 255 letters, digits,"
                    + " spaces or . - _ / # : and not start with AWS/, not '" + value + "'");
        }
    }
}
