package dev.switchboard.state.memory;

import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.ResponseCache;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The in-process response cache, chosen with switchboard.state.store=memory. */
@Factory
@Requires(property = "switchboard.state.store", value = "memory")
public class InMemoryCacheBeans {

    @Singleton
    ResponseCache responseCache(CacheSettings settings, Clock clock) {
        return new InMemoryResponseCache(settings, clock);
    }
}
