package dev.switchboard.resilience;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/** The validated settings the breakers and the fallback chain are built with. */
@Factory
public class ResilienceBeans {

    // Built at start-up so that a bad SWITCHBOARD_RESILIENCE_* value stops the application, not its first request.
    @Context
    ResilienceSettings resilienceSettings(ResilienceProperties properties) {
        return properties.settings();
    }
}
