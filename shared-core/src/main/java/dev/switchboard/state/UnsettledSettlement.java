package dev.switchboard.state;

import java.time.Duration;
import java.time.Instant;

/**
 * A settlement whose write failed: it may have landed (the answer was lost after a commit) or not.
 * Left alone, its reservation would stay held at its estimate until the window or period ends, so
 * whoever settled repeats it later. The store's adapter knows how: it sends the same write with the
 * same idempotency token, which applies it exactly once whether or not the first one landed.
 */
public interface UnsettledSettlement {

    /**
     * How long after {@link #firstSentAt} a repeat is still exact: DynamoDB forgets an idempotency token
     * ten minutes after its first use, after which a repeat of a write that had landed would apply twice.
     */
    Duration REPEATABLE_FOR = Duration.ofMinutes(9);

    /** When the write that may have landed was sent. */
    Instant firstSentAt();

    /** What the settlement is for (the deployment called, or the principal): for the operators' logs. */
    String subject();

    /**
     * Sends the write again. Throws {@link StateUnavailableException} when that fails too, with the
     * settlement still to repeat when there is one (it may be a newer write, with its own first sending).
     */
    void repeat();
}
