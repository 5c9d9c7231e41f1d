package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Calls one candidate through its breaker, retrying as {@link RetryPolicy} allows.
 *
 * <p>A small loop of our own rather than resilience4j's Retry: that one waits with its own sleep, while
 * ours must wait through the injected {@link Sleeper} (tests never sleep), must give up on a Retry-After
 * above the cap instead of waiting it out, and must not start a wait that would cross the request's
 * deadline read from the injected clock. Each of these is one line here.
 *
 * <p>The breaker judges the candidate once per request, on the outcome of all its retries: judged per
 * try, a single request's own retries against a 503 would open the breaker (3 failures) before the
 * backoff schedule could run to its end, and one bad minute of one request would shut a deployment for
 * everybody.
 */
final class RetryingCaller {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingCaller.class);

    /** One try at one candidate; the same object is tried again on a retry. */
    interface CandidateCall<T> {

        T attempt();

        /** How many chunks already reached the client: once any did, the candidate is never asked again. */
        default int delivered() {
            return 0;
        }

        /**
         * Whether the model wrote, or its provider counted, anything of the answer out of the client's sight (a
         * stream's progress): billed though nothing reached the client.
         */
        default boolean worked() {
            return false;
        }
    }

    /** How a candidate's turn ended. */
    sealed interface Result<T> {
        Attempt attempt();
    }

    record Answered<T>(T value, Attempt attempt) implements Result<T> {
    }

    record Failed<T>(ProviderException failure, Attempt attempt) implements Result<T> {
    }

    private final DeploymentBreakers breakers;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    RetryingCaller(DeploymentBreakers breakers, RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.breakers = breakers;
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * The breaker's permit for {@code deployment}, taken before anything is held for the call (a half-open
     * breaker whose one trial call is under way refuses the others, which would otherwise hold rate-limit room
     * for calls never made); empty when its circuit refuses the call.
     */
    Optional<BreakerPermit> permit(String deployment) {
        Optional<BreakerPermit> acquired = breakers.tryAcquire(deployment);
        if (acquired.isEmpty()) {
            LOG.info("circuit open, deployment passed over: deployment={}", deployment);
        }
        return acquired;
    }

    /**
     * Calls {@code deployment} under {@code permit}, which this judges and releases. Anything thrown that is not a
     * {@link ProviderException} (a bug, the client going away) is not the deployment's fault: the permit is
     * handed back unjudged and the exception goes on.
     */
    <T> Result<T> call(String deployment, BreakerPermit permit, CandidateCall<T> call, Instant deadline) {
        int retries = 0;
        // What the deployment took before its latest try: the waits between tries and the tries that failed.
        Duration beforeThisTry = Duration.ZERO;
        // The last failure of this request's tries that was the deployment's own: what judges it when its last try
        // was cut by the deadline, or refused by a rate limit, before an answer began.
        ProviderException ownFailure = null;
        try {
            while (true) {
                Instant started = clock.instant();
                try {
                    T value = call.attempt();
                    permit.succeeded();
                    return new Answered<>(value, Attempt.answered(deployment, retries, beforeThisTry));
                } catch (ProviderException failure) {
                    LOG.warn("provider call failed: deployment={} kind={} status={} retries={} message={}", deployment,
                            failure.kind(), failure.status(), retries, failure.getMessage());
                    Instant failedAt = clock.instant();
                    Optional<Duration> wait = call.delivered() > 0 ? Optional.empty()
                            : policy.waitBeforeRetry(failure, retries, failedAt, deadline);
                    if (wait.isEmpty() || !sleeper.sleepUnlessInterrupted(wait.get())) {
                        Instant now = clock.instant();
                        ProviderException judged = failure;
                        if (RetryPolicy.cutByDeadline(failure, now, deadline)) {
                            // Cut to what was left of the request's time. A try that had half the deadline and had
                            // not begun to answer is the deployment's timeout all the same (one that hangs would
                            // otherwise never open its breaker where the deadline is shorter than the call timeout,
                            // as on Lambda); an earlier try's own failure counts unless this one was answering; else
                            // the time ran out.
                            boolean begun = call.delivered() > 0 || failure.underWay();
                            boolean hadItsTime = !begun && policy.hadTimeToAnswer(Duration.between(started, now));
                            // A try that was answering when the deadline ended it clears what failed before it.
                            judged = hadItsTime ? failure : begun ? null : ownFailure;
                            if (judged == null) {
                                permit.release();
                                return new Failed<>(failure, Attempt.cut(deployment, failure, retries, beforeThisTry));
                            }
                        } else if (failure.kind() == ProviderException.Kind.RATE_LIMITED && ownFailure != null
                                && call.delivered() == 0 && !failure.underWay()) {
                            // Tries that failed on their own (a 503), then a 429 asking for too long a wait, before
                            // any answer began: the 503s judge it, on its breaker and in its success rate, or a
                            // deployment answering so by turns would never open. (A try that was answering clears
                            // what failed before it, as below the deadline.)
                            permit.failed(ownFailure);
                            return new Failed<>(failure,
                                    Attempt.failed(deployment, ownFailure, retries, beforeThisTry));
                        }
                        permit.failed(judged);
                        return new Failed<>(failure, Attempt.failed(deployment, failure, retries, beforeThisTry));
                    }
                    if (failure.breakerFailure()) {
                        ownFailure = failure;
                    }
                    retries++;
                    beforeThisTry = beforeThisTry.plus(Duration.between(started, failedAt)).plus(wait.get());
                }
            }
        } finally {
            permit.release();
        }
    }
}
