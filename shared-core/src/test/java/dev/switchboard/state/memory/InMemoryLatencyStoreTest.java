package dev.switchboard.state.memory;

import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.LatencyStoreContract;

import java.time.Clock;

/** The in-memory adapter against the shared contract; "instances" of one test share one store. */
class InMemoryLatencyStoreTest extends LatencyStoreContract {

    private InMemoryLatencyStore shared;

    @Override
    protected LatencyStore newStore(LatencySettings settings, Clock clock) {
        if (shared == null) {
            shared = new InMemoryLatencyStore(settings, clock);
        }
        return shared;
    }
}
