package dev.switchboard.testsupport;

import dev.switchboard.service.CoreBeans;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A clock stopped at the instant the property {@value #PROPERTY} gives, for an application context whose
 * test writes rows at fixed times and needs the ledger to see them as written at once, not days late.
 */
@Factory
@Requires(property = FixedTestClock.PROPERTY)
public class FixedTestClock {

    public static final String PROPERTY = "test.fixed-clock";

    @Singleton
    @Replaces(bean = Clock.class, factory = CoreBeans.class)
    Clock fixedClock(@Value("${" + PROPERTY + "}") String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
