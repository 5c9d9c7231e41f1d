package dev.switchboard.state.memory;

import dev.switchboard.state.VirtualKeyStore;
import dev.switchboard.state.VirtualKeyStoreContract;

class InMemoryVirtualKeyStoreTest extends VirtualKeyStoreContract {

    @Override
    protected VirtualKeyStore store() {
        return new InMemoryVirtualKeyStore();
    }
}
