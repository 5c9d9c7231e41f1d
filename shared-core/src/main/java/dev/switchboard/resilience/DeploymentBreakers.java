package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.IllegalStateTransitionException;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnErrorEvent;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One resilience4j circuit breaker per deployment label, created on first use.
 *
 * <p>"N failures open it" is a COUNT_BASED window of N calls that only judges once it holds N calls,
 * with a 100 % failure-rate threshold: it opens exactly when the last N counted calls all failed, which
 * is N failures in a row (a success in between keeps the rate below 100 %). A plain failure counter
 * would need its own reset rules; the window gives them for free and resilience4j resets it whenever the
 * breaker closes. Only {@link ProviderException#breakerFailure()} failures count; every other outcome
 * (a 429, a rejected request, anything that is not a provider failure) is ignored, neither success nor
 * failure, so it neither opens the breaker nor hides a run of real failures.
 *
 * <p>Time comes from the injected clock: resilience4j's state machine reads the configured
 * {@code clock} to decide when an open breaker may half-open (on the next permission request, strictly
 * after the recovery time; no background transition thread), and call durations use it too. One trial
 * call is let through when half-open: its success closes the breaker, its failure opens it again.
 *
 * <p>Sharing with other instances: each time a breaker opens from this instance's own calls, the
 * {@link BreakerListener}s hear of it (to publish it). Verdicts from elsewhere come in through
 * {@link #adoptOpen} and {@link #adoptClosed}, which move the local breaker without telling the
 * listeners again, so a shared verdict never echoes back as a new one. A simulated outage comes in
 * through {@link #holdOpenUntil}: the breaker is forced open (no recovery, no trial call) until a set
 * instant, which may be shorter or longer than the recovery time, and then closes.
 */
@Singleton
public final class DeploymentBreakers {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentBreakers.class);
    /** Slowness is the deadline's business, not the breaker's: no successful call is ever "slow". */
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    private final CircuitBreakerConfig config;
    private final Duration recovery;
    private final Clock clock;
    private final ConcurrentMap<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> openedAt = new ConcurrentHashMap<>();
    /** The kind of each deployment's latest counted failure: the reason given when it opens. */
    private final ConcurrentMap<String, String> lastFailure = new ConcurrentHashMap<>();
    /** Deployments forced open until an instant (a simulated outage): neither calls nor shared verdicts end it. */
    private final ConcurrentMap<String, Instant> heldUntil = new ConcurrentHashMap<>();
    /** Permits given and not yet settled, per deployment: this process's calls under way. */
    private final ConcurrentMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Set while this thread moves a breaker to a verdict from elsewhere, which is not news to publish. */
    private final ThreadLocal<Boolean> adopting = ThreadLocal.withInitial(() -> false);
    private final List<BreakerListener> listeners;

    /** Breakers that tell nobody when they open. */
    public DeploymentBreakers(ResilienceSettings settings, Clock clock) {
        this(settings, clock, List.of());
    }

    @Inject
    public DeploymentBreakers(ResilienceSettings settings, Clock clock, List<BreakerListener> listeners) {
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.recovery = settings.recovery();
        int threshold = settings.failureThreshold();
        this.config = CircuitBreakerConfig.custom()
                .slidingWindow(threshold, threshold, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .slowCallDurationThreshold(NEVER_SLOW)
                .permittedNumberOfCallsInHalfOpenState(1)
                .waitDurationInOpenState(settings.recovery())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(DeploymentBreakers::counts)
                .ignoreException(failure -> !counts(failure))
                .clock(clock)
                .currentTimestampFunction(Clock::millis, TimeUnit.MILLISECONDS)
                .build();
    }

    /** The deployment's state; CLOSED for a deployment never called. An elapsed OPEN stays OPEN until asked. */
    public BreakerState state(String label) {
        releaseIfOver(label);
        CircuitBreaker breaker = breakers.get(label);
        if (breaker == null) {
            return BreakerState.CLOSED;
        }
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> BreakerState.OPEN;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            default -> BreakerState.CLOSED;
        };
    }

    /**
     * Whether a call to the deployment would be refused now: open, and its recovery time not yet over.
     * An open breaker whose recovery has passed reads as not open, so routing offers it its trial call.
     */
    public boolean isOpen(String label) {
        if (state(label) != BreakerState.OPEN) {
            return false;
        }
        if (heldUntil.containsKey(label)) {
            return true;
        }
        Instant since = openedAt.get(label);
        return since == null || !clock.instant().isAfter(since.plus(recovery));
    }

    /** A permission to call the deployment once, or empty while its breaker refuses calls. */
    Optional<BreakerPermit> tryAcquire(String label) {
        releaseIfOver(label);
        CircuitBreaker breaker = breakers.computeIfAbsent(label, this::create);
        if (!breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        AtomicInteger calls = inFlight.computeIfAbsent(label, l -> new AtomicInteger());
        calls.incrementAndGet();
        return Optional.of(new BreakerPermit(breaker, clock, calls::decrementAndGet));
    }

    /** Calls to the deployment under way in this process: permits given and not yet settled. */
    public int inFlight(String label) {
        AtomicInteger calls = inFlight.get(label);
        return calls == null ? 0 : calls.get();
    }

    /**
     * Opens the breaker because another instance (or the probe) saw the deployment fail at
     * {@code sharedAt}; from now on the usual recovery and half-open rules apply. A CLOSED breaker opens;
     * so does an OPEN one whose recovery has run out (it would let a trial call through) when the verdict
     * is newer than its own opening: the deployment failed again elsewhere. A verdict whose recovery time
     * has already passed is ignored: by the breaker's own rules it would no longer hold.
     * Recovery runs from {@code sharedAt}, not from now: an instance that reads the verdict late must not
     * keep the deployment out longer than the one that saw it fail.
     *
     * @return whether the breaker was opened
     */
    public synchronized boolean adoptOpen(String label, Instant sharedAt) {
        Instant until = sharedAt.plus(recovery);
        if (!clock.instant().isBefore(until)) {
            return false;
        }
        BreakerState state = state(label);
        boolean opened;
        if (state == BreakerState.CLOSED) {
            opened = adopt(() -> breakers.computeIfAbsent(label, this::create).transitionToOpenStateUntil(until));
        } else {
            Instant since = openedAt.get(label);
            if (state != BreakerState.OPEN || isOpen(label) || since == null || !sharedAt.isAfter(since)) {
                return false;
            }
            CircuitBreaker breaker = breakers.get(label);
            opened = adopt(() -> {
                breaker.transitionToClosedState();
                breaker.transitionToOpenStateUntil(until);
            });
        }
        if (opened) {
            // The transition noted now; the failure was seen at sharedAt (a later CLOSED verdict is compared to it).
            openedAt.put(label, sharedAt);
        }
        return opened;
    }

    /**
     * Closes an OPEN breaker because the deployment was seen healthy at {@code sharedAt}, after the
     * failure that opened it. A half-open breaker is left to its trial call. Adoptions and holds take turns, each
     * checking the state it changes under the lock: a hold set between another's check and its transition would
     * otherwise be closed again.
     *
     * @return whether the breaker was closed
     */
    public synchronized boolean adoptClosed(String label, Instant sharedAt) {
        CircuitBreaker breaker = breakers.get(label);
        Instant since = openedAt.get(label);
        if (breaker == null || state(label) != BreakerState.OPEN || heldUntil.containsKey(label) || since == null
                || !sharedAt.isAfter(since)) {
            return false;
        }
        return adopt(breaker::transitionToClosedState);
    }

    /**
     * Forces the breaker open until {@code until} because the deployment was marked down (a simulated
     * outage); then it closes with a fresh window. A later hold replaces an earlier one.
     *
     * @return whether it is now held (false when {@code until} has already passed)
     */
    public synchronized boolean holdOpenUntil(String label, Instant until) {
        if (!clock.instant().isBefore(until)) {
            return false;
        }
        heldUntil.put(label, until);
        CircuitBreaker breaker = breakers.computeIfAbsent(label, this::create);
        return breaker.getState() == CircuitBreaker.State.FORCED_OPEN || adopt(breaker::transitionToForcedOpenState);
    }

    /** Ends a hold whose time is over: read on each use, so no timer thread is needed. */
    private void releaseIfOver(String label) {
        Instant until = heldUntil.get(label);
        if (until == null || clock.instant().isBefore(until)) {
            return;
        }
        synchronized (this) {
            if (heldUntil.remove(label, until)) {
                CircuitBreaker breaker = breakers.get(label);
                if (breaker != null && breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
                    adopt(breaker::transitionToClosedState);
                }
            }
        }
    }

    private boolean adopt(Runnable transition) {
        adopting.set(true);
        try {
            transition.run();
            return true;
        } catch (IllegalStateTransitionException raced) {
            // Another thread moved the breaker first; its state stands.
            return false;
        } finally {
            adopting.set(false);
        }
    }

    private CircuitBreaker create(String label) {
        CircuitBreaker breaker = CircuitBreaker.of(label, config);
        // Errors are published before the state machine judges them, so the reason is known when it opens.
        breaker.getEventPublisher().onError(this::failed);
        breaker.getEventPublisher().onStateTransition(this::transitioned);
        return breaker;
    }

    private void failed(CircuitBreakerOnErrorEvent event) {
        if (event.getThrowable() instanceof ProviderException provider) {
            lastFailure.put(event.getCircuitBreakerName(), provider.kind().name());
        }
    }

    private void transitioned(CircuitBreakerOnStateTransitionEvent event) {
        String label = event.getCircuitBreakerName();
        CircuitBreaker.State from = event.getStateTransition().getFromState();
        CircuitBreaker.State to = event.getStateTransition().getToState();
        if (to == CircuitBreaker.State.OPEN) {
            Instant now = clock.instant();
            openedAt.put(label, now);
            boolean shared = adopting.get();
            LOG.warn("circuit breaker opened: deployment={} from={} to={} recovery={} shared={}", label, from, to,
                    recovery, shared);
            if (!shared) {
                tellListeners(label, now);
            }
        } else {
            LOG.info("circuit breaker changed: deployment={} from={} to={}", label, from, to);
            if (to == CircuitBreaker.State.CLOSED) {
                Instant now = clock.instant();
                tellListeners(label, listener -> listener.closed(label, now));
            }
        }
    }

    private void tellListeners(String label, Instant at) {
        String reason = lastFailure.get(label);
        tellListeners(label, listener -> listener.opened(label, at, reason));
    }

    private void tellListeners(String label, Consumer<BreakerListener> told) {
        for (BreakerListener listener : listeners) {
            try {
                told.accept(listener);
            } catch (RuntimeException e) {
                // Sharing is best effort: the caller's request must not fail because a listener did.
                LOG.warn("breaker listener failed: deployment={} error={}", label, e.getClass().getSimpleName());
            }
        }
    }

    private static boolean counts(Throwable failure) {
        return failure instanceof ProviderException provider && provider.breakerFailure();
    }
}
