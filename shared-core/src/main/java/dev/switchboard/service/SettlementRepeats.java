package dev.switchboard.service;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UnsettledSettlement;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Repeats settlements whose write failed, so that a brief state outage does not leave their
 * reservations held at the estimate until the window or the budget period ends. A repeat is exact only
 * while the store still knows the first write's idempotency token, so repeats stop at
 * {@link UnsettledSettlement#REPEATABLE_FOR} after it; and only so many wait at once, so that a long
 * outage cannot pile them up without bound. What is dropped is logged and errs on the safe side: the
 * reservation stays at its estimate.
 */
@Singleton
public class SettlementRepeats {

    /** The pauses before each repeat, together well inside {@link UnsettledSettlement#REPEATABLE_FOR}. */
    static final List<Duration> PAUSES = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2));
    /**
     * A waiting settlement keeps its whole transaction, which may carry a cached answer of up to 350 KB
     * (DynamoDB refuses the same token with other items, so it cannot be trimmed): at most about 90 MB.
     */
    static final int MAX_WAITING = 256;

    private static final Logger LOG = LoggerFactory.getLogger(SettlementRepeats.class);

    private final Clock clock;
    private final Delays delays;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public SettlementRepeats(Clock clock, Delays delays) {
        this.clock = clock;
        this.delays = delays;
    }

    /** Repeats {@code unsettled} after the first pause, and again after each failure while pauses are left. */
    public void repeatLater(UnsettledSettlement unsettled) {
        schedule(unsettled, 0);
    }

    /** Repeats waiting for their turn: for tests and the operators. */
    int waiting() {
        return waiting.get();
    }

    /** Repeats still waiting when the application stops are lost with it: their reservations stay held. */
    @PreDestroy
    void stopping() {
        int left = waiting.get();
        if (left > 0) {
            LOG.error("stopping with {} settlement(s) still to repeat; their reservations stay held at their estimates",
                    left);
        }
    }

    private void schedule(UnsettledSettlement unsettled, int repeat) {
        if (repeat == PAUSES.size()) {
            LOG.error("a settlement for {} failed {} repeats; its reservation stays held at its estimate",
                    unsettled.subject(), repeat);
            return;
        }
        if (waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            LOG.error("{} settlements already wait to be repeated; the one for {} is dropped and its reservation "
                    + "stays held at its estimate", MAX_WAITING, unsettled.subject());
            return;
        }
        try {
            delays.after(PAUSES.get(repeat), () -> {
                waiting.decrementAndGet();
                attempt(unsettled, repeat);
            });
        } catch (RejectedExecutionException e) {
            waiting.decrementAndGet();
            LOG.error("a settlement for {} could not be queued for a repeat; its reservation stays held at its "
                    + "estimate", unsettled.subject());
        }
    }

    private void attempt(UnsettledSettlement unsettled, int repeat) {
        if (clock.instant().isAfter(unsettled.firstSentAt().plus(UnsettledSettlement.REPEATABLE_FOR))) {
            LOG.error("a settlement for {} is too old to repeat exactly; its reservation stays held at its estimate",
                    unsettled.subject());
            return;
        }
        try {
            unsettled.repeat();
            LOG.info("a settlement for {} was written on repeat {}", unsettled.subject(), repeat + 1);
        } catch (StateUnavailableException e) {
            Optional<UnsettledSettlement> still = e.unsettled();
            if (still.isEmpty()) {
                LOG.error("repeating a settlement for {} failed: {}", unsettled.subject(), e.getMessage());
                return;
            }
            LOG.warn("repeating a settlement for {} failed, will try again: {}", unsettled.subject(), e.getMessage());
            schedule(still.get(), repeat + 1);
        } catch (RuntimeException e) {
            LOG.error("repeating a settlement for {} failed: {}", unsettled.subject(), e.getClass().getSimpleName());
        }
    }
}
