package dev.switchboard.testsupport;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Application contexts that must not start. */
public final class StartUpFailures {

    private StartUpFailures() {
    }

    /** The configuration error that stopped a context started with {@code properties}. */
    public static ConfigurationError configurationError(Map<String, Object> properties) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties).close());
        Throwable cause = e;
        while (!(cause instanceof ConfigurationError) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(ConfigurationError.class, cause, e.toString());
        return (ConfigurationError) cause;
    }
}
