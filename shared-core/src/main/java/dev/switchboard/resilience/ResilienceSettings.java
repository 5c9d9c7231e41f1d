package dev.switchboard.resilience;

import java.time.Duration;

/**
 * How hard a request tries before it gives up: when a deployment's breaker opens and for how long,
 * how often and how patiently one deployment is asked again, and how long the whole request may take.
 *
 * @param failureThreshold failures in a row (those that count, see {@code ProviderException#breakerFailure})
 *                         that open a deployment's breaker
 * @param recovery         how long an open breaker refuses calls before it lets one trial call through
 * @param maxRetries       how many times one deployment is asked again after its first failure
 * @param backoffBase      the wait before the first retry
 * @param backoffFactor    each further retry waits this many times longer than the one before
 * @param retryAfterCap    the longest Retry-After honoured; an upstream asking for more is left for the next candidate
 * @param requestDeadline  how long one request may spend on all its candidates, retries and waits together
 */
public record ResilienceSettings(int failureThreshold, Duration recovery, int maxRetries, Duration backoffBase,
                                 double backoffFactor, Duration retryAfterCap, Duration requestDeadline,
                                 boolean deadlineEndsStreams) {

    /** Seed 002's breaker (3 failures, 60 s) and DESIGN.md's retries (100, 200, 400 ms). */
    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(3, Duration.ofSeconds(60), 3,
            Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(120));

    /** Settings under which a stream that keeps sending is bounded by its silences only, not by the deadline. */
    public ResilienceSettings(int failureThreshold, Duration recovery, int maxRetries, Duration backoffBase,
                              double backoffFactor, Duration retryAfterCap, Duration requestDeadline) {
        this(failureThreshold, recovery, maxRetries, backoffBase, backoffFactor, retryAfterCap, requestDeadline, false);
    }

    /** These settings, with the request's deadline ending streams still under way or not. */
    public ResilienceSettings withDeadlineEndingStreams(boolean ends) {
        return new ResilienceSettings(failureThreshold, recovery, maxRetries, backoffBase, backoffFactor,
                retryAfterCap, requestDeadline, ends);
    }

    public ResilienceSettings {
        if (failureThreshold < 1) {
            throw new InvalidSetting("failure-threshold", "must be at least 1, was " + failureThreshold);
        }
        positive("recovery", recovery);
        if (maxRetries < 0 || maxRetries > 10) {
            throw new InvalidSetting("max-retries", "must be between 0 and 10, was " + maxRetries);
        }
        positive("backoff-base", backoffBase);
        if (!(backoffFactor >= 1.0 && backoffFactor <= 10.0)) {
            throw new InvalidSetting("backoff-factor", "must be between 1 and 10, was " + backoffFactor);
        }
        notNegative("retry-after-cap", retryAfterCap);
        positive("request-deadline", requestDeadline);
    }

    /** The wait before retry number {@code retry} (1 for the first): base, base * factor, base * factor^2, ... */
    public Duration backoff(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are counted from 1: " + retry);
        }
        return Duration.ofNanos(Math.round(backoffBase.toNanos() * Math.pow(backoffFactor, retry - 1)));
    }

    private static void positive(String setting, Duration value) {
        notNegative(setting, value);
        if (value.isZero()) {
            throw new InvalidSetting(setting, "must be longer than 0");
        }
    }

    private static void notNegative(String setting, Duration value) {
        if (value == null) {
            throw new InvalidSetting(setting, "is required");
        }
        if (value.isNegative()) {
            throw new InvalidSetting(setting, "must not be negative, was " + value);
        }
    }

    /** A setting out of range; {@link #setting()} is its name under switchboard.resilience, so callers can name it. */
    public static final class InvalidSetting extends IllegalArgumentException {

        private final String setting;

        InvalidSetting(String setting, String problem) {
            super(setting + " " + problem);
            this.setting = setting;
        }

        public String setting() {
            return setting;
        }
    }
}
