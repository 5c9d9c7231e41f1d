package dev.switchboard.service;

import dev.switchboard.routing.Candidate;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.LatencySnapshot;
import dev.switchboard.state.LatencyStore;
import dev.switchboard.state.StateUnavailableException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The shared state routing works from, read at most once per {@code snapshotMaxAge}: one latency
 * snapshot and one circuit snapshot of every configured deployment. The request that finds the copy
 * too old starts the read on the I/O executor and routes on the copy it found, as do the requests
 * meanwhile, so the snapshot costs a busy instance's critical path no round trip. On Lambda the read
 * runs while the request that started it calls its provider; only one read runs at a time. Two reads
 * are waited for, at most {@link #READ_WAIT}: an instance's first (else a fresh instance would route
 * its first request on neutral signals, past a circuit every other instance knows is open), and one
 * that replaces a copy older than {@link #WAIT_WHEN_OLDER_THAN} max-ages (a quiet Lambda instance is
 * frozen with its read under way, so without the wait each request would route on the read the one
 * before it started, minutes ago). No read is waited for during an outage.
 *
 * <p>When the store cannot be reached, the last good copy of that part stays (or none: neutral
 * signals), the next attempt waits another max-age (requests do not each pay for a timeout), the
 * outage is logged once when it starts and once when it ends, and {@link #lastError()} shows it.
 */
@Singleton
public class SharedStateCache {

    private static final Logger LOG = LoggerFactory.getLogger(SharedStateCache.class);
    static final Duration READ_WAIT = Duration.ofMillis(250);
    static final int WAIT_WHEN_OLDER_THAN = 10;

    private final LatencyStore latency;
    private final HealthStore health;
    private final SharedCircuits circuits;
    private final List<String> deployments;
    private final Duration maxAge;
    private final Clock clock;
    private final Executor reader;
    private final Duration readWait;
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile SharedState held = SharedState.EMPTY;
    private volatile Instant lastAttempt;
    private volatile Instant lastRefreshed;
    private volatile String lastError;
    /** Only touched by the one refreshing thread. */
    private boolean inOutage;

    @Inject
    public SharedStateCache(LatencyStore latency, HealthStore health, SharedCircuits circuits,
                            CandidateCatalog candidates, SharedStateSettings settings, Clock clock,
                            @Named(TaskExecutors.IO) Executor reader) {
        this(latency, health, circuits, candidates, settings, clock, reader, READ_WAIT);
    }

    SharedStateCache(LatencyStore latency, HealthStore health, SharedCircuits circuits, CandidateCatalog candidates,
                     SharedStateSettings settings, Clock clock, Executor reader, Duration readWait) {
        this.readWait = readWait;
        this.reader = reader;
        this.latency = latency;
        this.health = health;
        this.circuits = circuits;
        this.deployments = candidates.all().stream().map(Candidate::label).toList();
        this.maxAge = settings.snapshotMaxAge();
        this.clock = clock;
    }

    /** Reads on the calling thread: for tests, where the read must be over when {@link #current()} returns. */
    public SharedStateCache(LatencyStore latency, HealthStore health, SharedCircuits circuits,
                            CandidateCatalog candidates, SharedStateSettings settings, Clock clock) {
        this(latency, health, circuits, candidates, settings, clock, Runnable::run);
    }

    /** The state to route on now; when the held copy is older than the max age, a new read is started. */
    public SharedState current() {
        Instant now = clock.instant();
        if (isStale(now) && refreshing.compareAndSet(false, true)
                && !BoundedReads.start(reader, this::refreshIfStale, worthWaitingFor(now) ? readWait : Duration.ZERO)) {
            refreshing.set(false);
        }
        return held;
    }

    private boolean worthWaitingFor(Instant now) {
        if (lastAttempt == null) {
            return true;
        }
        Instant refreshed = lastRefreshed;
        return lastError == null && refreshed != null
                && now.isAfter(refreshed.plus(maxAge.multipliedBy(WAIT_WHEN_OLDER_THAN)));
    }

    private void refreshIfStale() {
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
