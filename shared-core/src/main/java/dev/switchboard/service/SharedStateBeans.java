package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;

import java.time.Duration;

/** The shared-state settings, built at start-up so that a bad value stops it with the setting's name. */
@Factory
public class SharedStateBeans {

    /** {@code checked}: built first, so that a value that does not convert is refused naming its variable. */
    @Context
    SharedStateSettings sharedStateSettings(BoundValuesCheck checked,
                                            @Value("${switchboard.state.snapshot-max-age:5s}") Duration maxAge,
                                            @Value("${switchboard.probe.parallelism:4}") int parallelism,
                                            @Value("${switchboard.probe.timeout:10s}") Duration probeTimeout) {
        try {
            return new SharedStateSettings(maxAge, parallelism, probeTimeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(e.getMessage(), e);
        }
    }
}
