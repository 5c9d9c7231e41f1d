package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * One permitted call through a deployment's breaker, settled exactly once: as a success, as a provider
 * failure (which the breaker counts or ignores by its kind), or released unjudged. A permit left
 * unsettled would hold the single half-open trial slot forever, so callers settle it in every path.
 */
final class BreakerPermit {

    private final CircuitBreaker breaker;
    private final Clock clock;
    private final Runnable onSettled;
    private final long startedMillis;
    private boolean settled;

    /** @param onSettled run once, when the permit is settled (the call is no longer under way) */
    BreakerPermit(CircuitBreaker breaker, Clock clock, Runnable onSettled) {
        this.breaker = breaker;
        this.clock = clock;
        this.onSettled = onSettled;
        this.startedMillis = clock.millis();
    }

    void succeeded() {
        if (settle()) {
            breaker.onSuccess(elapsedMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void failed(ProviderException failure) {
        if (settle()) {
            breaker.onError(elapsedMillis(), TimeUnit.MILLISECONDS, failure);
        }
    }

    /** Gives the permission back without judging the deployment (the failure was not its doing). */
    void release() {
        if (settle()) {
            breaker.releasePermission();
        }
    }

    private boolean settle() {
        boolean first = !settled;
        settled = true;
        if (first) {
            onSettled.run();
        }
        return first;
    }

    private long elapsedMillis() {
        return Math.max(0, clock.millis() - startedMillis);
    }
}
