package dev.switchboard.state.memory;

import dev.switchboard.state.HealthStore;
import dev.switchboard.state.HealthStoreContract;

/** The in-memory adapter against the shared contract; "instances" of one test share one store. */
class InMemoryHealthStoreTest extends HealthStoreContract {

    private final InMemoryHealthStore shared = new InMemoryHealthStore();

    @Override
    protected HealthStore newStore() {
        return shared;
    }
}
