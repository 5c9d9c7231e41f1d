package dev.switchboard.state.memory;

import dev.switchboard.state.HealthStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The in-process health store, chosen with switchboard.state.store=memory like the other in-memory state. */
@Factory
@Requires(property = "switchboard.state.store", value = "memory")
public class InMemoryHealthBeans {

    @Singleton
    HealthStore healthStore() {
        return new InMemoryHealthStore();
    }
}
