package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether to ask the same deployment again after a failure, and after how long. Only failures the same
 * deployment may get over are retried (5xx, 429, timeouts), at most {@code maxRetries} times, with
 * exponential backoff. A Retry-After longer than the backoff replaces it, up to the cap; asking for more
 * than the cap means the deployment will not answer soon, so the next candidate is better. A wait that
 * would reach the request's deadline is never started: the time is better left to the next candidate.
 * Public so that the health probe retries by the same rules as a request.
 */
public final class RetryPolicy {

    /** How near the deadline a timeout must end to be the deadline's: socket timeouts are whole milliseconds. */
    static final Duration DEADLINE_TOLERANCE = Duration.ofMillis(50);

    private final ResilienceSettings settings;

    public RetryPolicy(ResilienceSettings settings) {
        this.settings = settings;
    }

    /**
     * @param retriesSoFar how many retries this deployment has had already in this request
     * @return the wait before the next retry, or empty when this deployment should not be asked again
     */
    public Optional<Duration> waitBeforeRetry(ProviderException failure, int retriesSoFar, Instant now, Instant deadline) {
        if (!failure.retryable() || retriesSoFar >= settings.maxRetries()) {
            return Optional.empty();
        }
        Duration wait = settings.backoff(retriesSoFar + 1);
        Optional<Duration> retryAfter = failure.retryAfter();
        if (retryAfter.isPresent()) {
            if (retryAfter.get().compareTo(settings.retryAfterCap()) > 0) {
                return Optional.empty();
            }
            if (retryAfter.get().compareTo(wait) > 0) {
                wait = retryAfter.get();
            }
        }
        return now.plus(wait).isBefore(deadline) ? Optional.of(wait) : Optional.empty();
    }

    /**
     * Whether a call that lasted {@code lasted} had time enough to answer: at least half of the request's deadline.
     * One cut by the deadline after that long without a word is its deployment's timeout, not the request's.
     */
    public boolean hadTimeToAnswer(Duration lasted) {
        return lasted.compareTo(settings.requestDeadline().dividedBy(2)) >= 0;
    }

    /**
     * Whether {@code failure} is a timeout that ended at {@code deadline} (within {@link #DEADLINE_TOLERANCE}):
     * each call gets at most what is left of the deadline, so such a timeout may say only that the time ran out
     * (see {@link #hadTimeToAnswer}). One that ends well before it (the call timeout) always counts.
     */
    public static boolean cutByDeadline(ProviderException failure, Instant now, Instant deadline) {
        return failure.kind() == ProviderException.Kind.TIMEOUT && deadline != null
                && !now.plus(DEADLINE_TOLERANCE).isBefore(deadline);
    }
}
