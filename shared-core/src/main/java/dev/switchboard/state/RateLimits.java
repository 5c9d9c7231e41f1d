package dev.switchboard.state;

/**
 * Per-minute limits of one scope (a deployment or a virtual key); a null limit is no limit.
 *
 * @param requestsPerMinute RPM, at least 1 when set
 * @param tokensPerMinute   TPM, at least 1 when set
 */
public record RateLimits(Long requestsPerMinute, Long tokensPerMinute) {

    public static final RateLimits NONE = new RateLimits(null, null);

    public RateLimits {
        if (requestsPerMinute != null && requestsPerMinute < 1) {
            throw new IllegalArgumentException("requestsPerMinute must be at least 1 when set");
        }
        if (tokensPerMinute != null && tokensPerMinute < 1) {
            throw new IllegalArgumentException("tokensPerMinute must be at least 1 when set");
        }
    }

    public static RateLimits rpm(long requestsPerMinute) {
        return new RateLimits(requestsPerMinute, null);
    }

    public boolean any() {
        return requestsPerMinute != null || tokensPerMinute != null;
    }
}
