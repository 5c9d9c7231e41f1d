package dev.switchboard.config;

import java.util.Locale;

/** The configuration cannot be used; the message names the file and the setting at fault. */
public final class ConfigurationError extends RuntimeException {

    public ConfigurationError(String message) {
        super(message);
    }

    public ConfigurationError(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A setting as an operator meets it: its environment variable, then the property it binds to, e.g.
     * {@code SWITCHBOARD_CACHE_TTL (switchboard.cache.ttl)}.
     */
    public static String setting(String property) {
        return variable(property) + " (" + property + ")";
    }

    /** The environment variable Micronaut binds to {@code property}: {@code switchboard.cache.ttl} from {@code SWITCHBOARD_CACHE_TTL}. */
    public static String variable(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
