package dev.switchboard.provider;

/**
 * A provider call failed. {@code kind} says how, which decides whether the call may be retried or
 * handed to the next candidate; the message is safe to log (it never contains a key).
 */
public final class ProviderException extends RuntimeException {

    public enum Kind {
        /** 5xx, connection failures, simulated outages: try again or elsewhere. */
        UNAVAILABLE,
        /** The call took too long. */
        TIMEOUT,
        /** 429 from the provider. */
        RATE_LIMITED,
        /** The request itself was refused (4xx that is the caller's fault). */
        REJECTED
    }

    private final String provider;
    private final Kind kind;

    public ProviderException(String provider, Kind kind, String message) {
        super(message, null, false, false);
        this.provider = provider;
        this.kind = kind;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether another deployment may succeed where this one failed. */
    public boolean fallbackAllowed() {
        return kind != Kind.REJECTED;
    }
}
