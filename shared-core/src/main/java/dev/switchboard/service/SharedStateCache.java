package dev.switchboard.service;

import dev.switchboard.routing.Candidate;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.LatencySnapshot;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared state routing works from, read at most once per {@code snapshotMaxAge}: one latency
 * snapshot and one circuit snapshot of every configured deployment. The read happens on the thread
 * of the request that finds the copy too old (Lambda has no idle time for a background thread); other
 * requests meanwhile route on the copy they find, so only one thread reads at a time.
 *
 * <p>When the store cannot be reached, the last good copy of that part stays (or none: neutral
 * signals), the next attempt waits another max-age (requests do not each pay for a timeout), the
 * outage is logged once when it starts and once when it ends, and {@link #lastError()} shows it.
 */
@Singleton
public class SharedStateCache {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateCache.class);

    private final LatencyStore latency;
    private final HealthStore health;
    private final SharedCircuits circuits;
    private final List<String> deployments;
    private final Duration maxAge;
    private final Clock clock;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile SharedState held = SharedState.EMPTY;
    private volatile Instant lastAttempt;
    private volatile Instant lastRefreshed;
    private volatile String lastError;
    /** Only touched by the one refreshing thread. */
    private boolean inOutage;

    public SharedStateCache(LatencyStore latency, HealthStore health, SharedCircuits circuits,
                            CandidateCatalog candidates, SharedStateSettings settings, Clock clock) {
        this.latency = latency;
        this.health = health;
        this.circuits = circuits;
        this.deployments = candidates.all().stream().map(Candidate::label).toList();
        this.maxAge = settings.snapshotMaxAge();
        this.clock = clock;
    }

    /** The state to route on now, read again first if the held copy is older than the max age. */
    public SharedState current() {
        if (isStale(clock.instant()) && refreshing.compareAndSet(false, true)) {
            try {
                // Checked again: another thread may have finished a read between the first check and winning the flag.
                Instant now = clock.instant();
                if (isStale(now)) {
                    refresh(now);
                }
            } finally {
                refreshing.set(false);
            }
        }
        return held;
    }

    /** Why the last read failed, while the store is unreachable; empty once a read succeeds. */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** When the last complete read succeeded; null before the first. */
    public Instant lastRefreshed() {
        return lastRefreshed;
    }

    private boolean isStale(Instant now) {
        Instant attempted = lastAttempt;
        return attempted == null || now.isAfter(attempted.plus(maxAge));
    }

    private void refresh(Instant now) {
        lastAttempt = now;
        SharedState before = held;
        String failure = null;
        LatencySnapshot newLatency = before.latency();
        Map<String, CircuitRecord> newCircuits = before.circuits();
        try {
            newLatency = latency.snapshot(deployments);
        } catch (StateUnavailableException e) {
            failure = "latency: " + e.getMessage();
        }
        try {
            newCircuits = health.snapshot(deployments);
            circuits.adopt(newCircuits);
        } catch (StateUnavailableException e) {
            failure = (failure == null ? "" : failure + "; ") + "circuits: " + e.getMessage();
        }
        held = new SharedState(newLatency, newCircuits);
        if (failure == null) {
            lastRefreshed = now;
            lastError = null;
            if (inOutage) {
                LOG.info("shared state readable again; routing on fresh latency and circuits");
                inOutage = false;
            }
        } else {
            lastError = failure;
            if (!inOutage) {
                LOG.warn("shared state unreadable, routing on the last snapshot (taken {}): {}", lastRefreshed, failure);
                inOutage = true;
            }
        }
    }
}
