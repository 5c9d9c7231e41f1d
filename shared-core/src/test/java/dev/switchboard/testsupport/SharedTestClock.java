package dev.switchboard.testsupport;

import dev.switchboard.service.CoreBeans;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * One movable clock for every application context of a test that starts several (instances that must
 * agree on which minute it is), chosen with the property {@value #PROPERTY}.
 */
@Factory
@Requires(property = SharedTestClock.PROPERTY, value = "true")
public class SharedTestClock {

    public static final String PROPERTY = "test.shared-clock";
    public static final MutableClock CLOCK = new MutableClock();

    @Singleton
    @Replaces(bean = Clock.class, factory = CoreBeans.class)
    Clock sharedClock() {
        return CLOCK;
    }
}
