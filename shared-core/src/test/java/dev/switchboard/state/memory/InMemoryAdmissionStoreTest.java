package dev.switchboard.state.memory;

import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.AdmissionStoreContract;

import java.time.Clock;

class InMemoryAdmissionStoreTest extends AdmissionStoreContract {

    @Override
    protected AdmissionStore store(Clock clock) {
        return new InMemoryAdmissionStore(clock);
    }
}
