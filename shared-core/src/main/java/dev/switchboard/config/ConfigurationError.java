package dev.switchboard.config;

/** The configuration cannot be used; the message names the file and the setting at fault. */
public final class ConfigurationError extends RuntimeException {

    public ConfigurationError(String message) {
        super(message);
    }

    public ConfigurationError(String message, Throwable cause) {
        super(message, cause);
    }
}
