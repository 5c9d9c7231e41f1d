package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened with one candidate of a request: it answered, failed (with the last failure's kind and
 * status), or was passed over without a call ({@value #CIRCUIT_OPEN}, {@value #CONTEXT_TOO_SMALL}).
 *
 * @param deployment the candidate's label, provider/model
 * @param kind       {@value #ANSWERED}, a failure kind in lower case (unavailable, timeout, rate_limited, ...),
 *                   or the reason it was passed over
 * @param status     the upstream's HTTP status of the last failure, 0 when there was none
 * @param retries    how many times the deployment was asked again after its first failure
 * @param beforeLastTry what it took before its last try began: the backoff and Retry-After waits, and the tries
 *                   that failed before it. Its latency is its last try's alone: a quick answer after a 60 s timeout
 *                   and a retry is not a 61 s answer
 * @param cutByDeadline whether its last call was a timeout cut to what was left of the request's time
 *                   (then not the deployment's fault, though its kind says timeout)
 */
public record Attempt(String deployment, String kind, int status, int retries, Duration beforeLastTry,
                      boolean cutByDeadline) {

    public static final String ANSWERED = "answered";
    /** Its breaker was open: not called. */
    public static final String CIRCUIT_OPEN = "circuit_open";
    /** An earlier candidate's context was too short for the request and this one's is no longer: not called. */
    public static final String CONTEXT_TOO_SMALL = "context_too_small";
    /** The call ended in something other than a provider's failure (an adapter's bug): not the deployment's fault. */
    public static final String UNEXPECTED = "unexpected";
    /** The gateway could not read the provider's API key: not the deployment's fault. */
    public static final String KEY_UNREADABLE = "key_unreadable";

    public Attempt {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(beforeLastTry, "beforeLastTry");
        if (retries < 0 || status < 0) {
            throw new IllegalArgumentException("retries and status are never negative");
        }
    }

    /** An attempt whose last call the deadline did not cut. */
    public Attempt(String deployment, String kind, int status, int retries, Duration beforeLastTry) {
        this(deployment, kind, status, retries, beforeLastTry, false);
    }

    static Attempt answered(String deployment, int retries, Duration beforeLastTry) {
        return new Attempt(deployment, ANSWERED, 0, retries, beforeLastTry);
    }

    static Attempt failed(String deployment, ProviderException failure, int retries, Duration beforeLastTry) {
        return new Attempt(deployment, failure.keyUnreadable() ? KEY_UNREADABLE : kindName(failure.kind()),
                failure.status(), retries, beforeLastTry);
    }

    /** A timeout that the request's deadline cut short: the request's time ran out, not the deployment. */
    static Attempt cut(String deployment, ProviderException failure, int retries, Duration beforeLastTry) {
        return new Attempt(deployment, kindName(failure.kind()), failure.status(), retries, beforeLastTry, true);
    }

    static Attempt passedOver(String deployment, String reason) {
        return new Attempt(deployment, reason, 0, 0, Duration.ZERO);
    }

    static String kindName(ProviderException.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the deployment failed for its own reasons (the failures that count on its breaker), as
     * opposed to the request's (a 400, a context too long) or a call never made.
     */
    public boolean deploymentFault() {
        if (cutByDeadline) {
            return false;
        }
        for (ProviderException.Kind k : ProviderException.Kind.values()) {
            if (kindName(k).equals(kind)) {
                return k.breakerFailure();
            }
        }
        return false;
    }

    public boolean answeredRequest() {
        return ANSWERED.equals(kind);
    }

    /** "provider/model (kind)", the form error bodies and the ledger have always used. */
    public String describe() {
        return deployment + " (" + kind + ")";
    }

    /** Whether {@code described}, as {@link #describe} wrote it, is an attempt of {@code kind}. */
    public static boolean describedAs(String described, String kind) {
        return described.endsWith(" (" + kind + ")");
    }

    /** The attempts that did not answer, described. */
    public static List<String> failures(List<Attempt> attempts) {
        return attempts.stream().filter(attempt -> !attempt.answeredRequest()).map(Attempt::describe).toList();
    }
}
