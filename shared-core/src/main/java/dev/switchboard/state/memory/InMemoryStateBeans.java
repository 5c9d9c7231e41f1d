package dev.switchboard.state.memory;

import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.state.AdmissionStore;
import dev.switchboard.state.ComposedRequestState;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.ResponseCache;
import dev.switchboard.state.LatencyProperties;
import dev.switchboard.state.LatencyStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;

/** In-process state, chosen with switchboard.state.store=memory (unit tests, overhead measurements). */
@Factory
@Requires(property = "switchboard.state.store", value = "memory")
public class InMemoryStateBeans {

    @Singleton
    AdmissionStore admissionStore(Clock clock) {
        return new InMemoryAdmissionStore(clock);
    }

    @Singleton
    LatencyStore latencyStore(LatencyProperties latency, Clock clock) {
        return new InMemoryLatencyStore(latency.settings(), clock);
    }

    @Singleton
    RequestState requestState(AdmissionStore admission, LatencyStore latency, ResponseCache cache) {
        return new ComposedRequestState(admission, latency, cache);
    }

    @Singleton
    LedgerOutbox ledgerOutbox() {
        return new InMemoryLedgerOutbox();
    }
}
