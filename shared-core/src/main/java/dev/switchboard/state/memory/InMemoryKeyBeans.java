package dev.switchboard.state.memory;

import dev.switchboard.state.VirtualKeyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The in-process virtual key store, chosen with switchboard.state.store=memory. */
@Factory
@Requires(property = "switchboard.state.store", value = "memory")
public class InMemoryKeyBeans {

    @Singleton
    VirtualKeyStore virtualKeyStore() {
        return new InMemoryVirtualKeyStore();
    }
}
