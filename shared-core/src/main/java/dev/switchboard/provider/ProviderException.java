package dev.switchboard.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed. {@code kind} says how, which decides whether the call may be retried on
 * the same deployment, handed to the next candidate, and counted against the deployment's circuit
 * breaker. The message is safe to log: it never contains a key, a prompt or the upstream's error text.
 */
public final class ProviderException extends RuntimeException {

    public enum Kind {
        /** 5xx, connection failures, malformed answers, simulated outages: try again or elsewhere. */
        UNAVAILABLE(true, true, true),
        /** The call took too long. */
        TIMEOUT(true, true, true),
        /** 429 from the provider: retry after its Retry-After; not a sign the provider is down. */
        RATE_LIMITED(true, true, false),
        /** The request itself was refused (a 4xx that is the caller's fault): nobody else will take it either. */
        REJECTED(false, false, false),
        /**
         * This deployment cannot take this request (a shape its protocol cannot say, a feature it lacks),
         * though another may: asking it again would fail the same way, and it is not a sign it is down.
         */
        UNSUPPORTED(false, true, false),
        /** The prompt and answer budget do not fit the model's context: a larger context may take it. */
        CONTEXT_TOO_LONG(false, true, false),
        /**
         * 401 / 403: our key for this provider is missing, wrong or not allowed, or the account behind it
         * cannot be used (out of credit or quota, spend limit reached, disabled, billing not enabled);
         * another provider has its own.
         */
        UNAUTHORIZED(false, true, true),
        /** 404: the provider does not know this model (or the path is wrong); another deployment may serve it. */
        NOT_FOUND(false, true, true);

        private final boolean retryable;
        private final boolean fallbackAllowed;
        private final boolean breakerFailure;

        Kind(boolean retryable, boolean fallbackAllowed, boolean breakerFailure) {
            this.retryable = retryable;
            this.fallbackAllowed = fallbackAllowed;
            this.breakerFailure = breakerFailure;
        }

        /** Whether a failure of this kind counts against the deployment (its breaker, its success rate). */
        public boolean breakerFailure() {
            return breakerFailure;
        }
    }

    private final String provider;
    private final Kind kind;
    private final int status;
    private final Duration retryAfter;
    private final boolean underWay;
    private final boolean keyUnreadable;

    public ProviderException(String provider, Kind kind, String message) {
        this(provider, kind, message, 0, null);
    }

    /**
     * @param status     the upstream's HTTP status, 0 when the failure was not an HTTP answer
     * @param retryAfter how long the upstream asked us to wait (Retry-After), or null
     */
    public ProviderException(String provider, Kind kind, String message, int status, Duration retryAfter) {
        this(provider, kind, message, status, retryAfter, false, false);
    }

    private ProviderException(String provider, Kind kind, String message, int status, Duration retryAfter,
                              boolean underWay, boolean keyUnreadable) {
        super(message, null, false, false);
        this.provider = provider;
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.underWay = underWay;
        this.keyUnreadable = keyUnreadable;
    }

    /**
     * A stream the request's deadline ended while the deployment was still sending it: a timeout, but no sign that
     * the deployment hangs. {@code message} must hold no upstream text.
     */
    public static ProviderException cutUnderWay(String provider, String message) {
        return new ProviderException(provider, Kind.TIMEOUT, message, 0, null, true, false);
    }

    /**
     * The gateway could not read the provider's API key from where it keeps it (Secrets Manager throttled,
     * unreachable, or refusing the function's role): UNAVAILABLE to the request, which moves on to another
     * deployment without asking this one again, but no sign that this one is down, so it counts on no breaker, in
     * no success rate, and the health probe publishes nothing for it. {@code message} must hold no key and no AWS
     * error text.
     */
    public static ProviderException keyUnreadable(String provider, String message) {
        return new ProviderException(provider, Kind.UNAVAILABLE, message, 0, null, false, true);
    }

    /**
     * An error event in the middle of a stream: a rate limit when the provider says so (retried after a wait, and
     * not a sign the deployment is down), else the deployment failing (UNAVAILABLE). {@code suffix} ends the message
     * and must hold no upstream text but an error type fit to repeat.
     */
    public static ProviderException midStream(String provider, boolean rateLimited, String suffix) {
        return new ProviderException(provider, rateLimited ? Kind.RATE_LIMITED : Kind.UNAVAILABLE,
                provider + " reported an error in the middle of its stream" + suffix);
    }

    /**
     * The adapter cannot say this request in its provider's terms. {@code reason} must name no prompt
     * text, only what does not fit (a tool's name at most).
     */
    public static ProviderException unsupported(String provider, String reason) {
        return new ProviderException(provider, Kind.UNSUPPORTED, provider + " cannot take this request: " + reason);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The upstream's HTTP status, or 0 when there was none (timeout, reset, malformed stream). */
    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the same deployment may succeed if asked again (5xx, 429, timeouts only; not a key the gateway could
     * not read, which its key source keeps failing fast for a while rather than asking Secrets Manager again).
     */
    public boolean retryable() {
        return kind.retryable && !keyUnreadable;
    }

    /** Whether another deployment may succeed where this one failed. */
    public boolean fallbackAllowed() {
        return kind.fallbackAllowed;
    }

    /** Whether the deployment was answering, its stream under way, when the request's deadline ended the call. */
    public boolean underWay() {
        return underWay;
    }

    /** Whether the provider's key could not be read: the gateway's failure, not the deployment's. */
    public boolean keyUnreadable() {
        return keyUnreadable;
    }

    /**
     * Whether this failure counts against the deployment's circuit breaker (a 429 does not, seed 002, and neither
     * does a key the gateway could not read).
     */
    public boolean breakerFailure() {
        return kind.breakerFailure && !keyUnreadable;
    }
}
