package dev.switchboard.resilience;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The validated settings the breakers and the fallback chain are built with. */
@Factory
public class ResilienceBeans {

    @Singleton
    ResilienceSettings resilienceSettings(ResilienceProperties properties) {
        return properties.settings();
    }
}
