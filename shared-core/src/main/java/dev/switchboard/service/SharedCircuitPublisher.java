package dev.switchboard.service;

import dev.switchboard.resilience.BreakerListener;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Publishes each breaker this instance opens, so that the other instances keep away too. Best
 * effort and off the request's thread (on the I/O executor): the request that opened the breaker
 * goes straight on to its next candidate, and when the store cannot be reached the others find out
 * on their own (or from the probe).
 */
@Singleton
public class SharedCircuitPublisher implements BreakerListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCircuitPublisher.class);

    private final HealthStore health;
    private final Executor publisher;

    @Inject
    public SharedCircuitPublisher(HealthStore health, @Named(TaskExecutors.IO) Executor publisher) {
        this.health = health;
        this.publisher = publisher;
    }

    /** Publishes on the calling thread: for tests. */
    public SharedCircuitPublisher(HealthStore health) {
        this(health, Runnable::run);
    }

    @Override
    public void opened(String label, Instant at, String reason) {
        CircuitRecord record = CircuitRecord.open(label, at, CircuitRecord.INSTANCE, reason);
        try {
            publisher.execute(() -> publish(record));
        } catch (RejectedExecutionException e) {
            LOG.warn("could not share the opened circuit of {}: the executor refused", label);
        }
    }

    private void publish(CircuitRecord record) {
        try {
            health.publish(record);
        } catch (StateUnavailableException e) {
            LOG.warn("could not share the opened circuit of {}: {}", record.deployment(), e.getMessage());
        }
    }
}
