package dev.switchboard.gateway;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;

/**
 * Micronaut's start-up, except that a failure is thrown instead of logged with its whole trace (some 70
 * lines of "Path Taken") and ended with System.exit(1): {@link LocalGateway#run} tells it in one line.
 */
final class NoExitMicronaut extends Micronaut {

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        throw new ApplicationStartupException("Error starting Micronaut server: " + exception.getMessage(),
                exception);
    }
}
