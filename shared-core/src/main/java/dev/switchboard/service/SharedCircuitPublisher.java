package dev.switchboard.service;

import dev.switchboard.resilience.BreakerListener;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Publishes each breaker this instance opens, so that the other instances keep away too. Best
 * effort: when the store cannot be reached the request that opened the breaker goes on unharmed and
 * the others find out on their own (or from the probe).
 */
@Singleton
public class SharedCircuitPublisher implements BreakerListener {

    private static final Logger LOG = LoggerFactory.getLogger(SharedCircuitPublisher.class);

    private final HealthStore health;

    public SharedCircuitPublisher(HealthStore health) {
        this.health = health;
    }

    @Override
    public void opened(String label, Instant at, String reason) {
        try {
            health.publish(CircuitRecord.open(label, at, CircuitRecord.INSTANCE, reason));
        } catch (StateUnavailableException e) {
            LOG.warn("could not share the opened circuit of {}: {}", label, e.getMessage());
        }
    }
}
