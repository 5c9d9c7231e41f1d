package dev.switchboard.service;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's view of the shared state's availability, from the calls requests make: the outage
 * under way (since its first failure, with the last thing that failed), or none once a call succeeds
 * again. /health reports it; each outage is logged once when it starts and once when it ends, not per
 * request.
 */
@Singleton
public class StateOutages {

    private static final Logger LOG = LoggerFactory.getLogger(StateOutages.class);

    /** Since when the state has been failing, what failed last and why (the adapter's message, no data). */
    public record Outage(Instant since, Instant lastFailure, String lastOperation, String lastError) {
    }

    private final AtomicReference<Outage> current = new AtomicReference<>();
    private final Clock clock;

    public StateOutages(Clock clock) {
        this.clock = clock;
    }

    public void failed(String operation, String error) {
        Instant now = clock.instant();
        Outage before = current.getAndUpdate(o -> new Outage(o == null ? now : o.since(), now, operation, error));
        if (before == null) {
            LOG.error("shared state unavailable ({}: {}); degrading until it answers again", operation, error);
        }
    }

    public void succeeded() {
        Outage ended = current.getAndSet(null);
        if (ended != null) {
            LOG.warn("shared state answering again after an outage since {}", ended.since());
        }
    }

    public Optional<Outage> current() {
        return Optional.ofNullable(current.get());
    }
}
