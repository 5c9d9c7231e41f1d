package dev.switchboard.provider.http;

import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what went wrong with an upstream call into a {@link ProviderException} whose kind drives
 * retries, fallback and the breaker. Messages name the provider, the status and at most the
 * provider's own error code: never the upstream's error text, which can quote the prompt or a key.
 */
public final class UpstreamFailures {

    /**
     * Error codes are echoed only when they look like codes (invalid_api_key, RESOURCE_EXHAUSTED,
     * ThrottlingException), not like text a caller sent. Digits are refused: keys are letters and
     * digits, and a proxy that put ours in its error code must not have it repeated.
     */
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z_.\\-]{1,64}");

    /** Whether {@code code} may be repeated in a message: it looks like an error code, and holds no digit. */
    public static boolean safeToRepeat(String code) {
        return code != null && SAFE_CODE.matcher(code).matches();
    }

    private final Clock clock;

    public UpstreamFailures(Clock clock) {
        this.clock = clock;
    }

    /**
     * The failure an HTTP error status stands for.
     *
     * @param errorCode the provider's error type or code from its error body, or null
     * @param bodyKind  what the protocol's error body says beyond its status (a prompt too long, an
     *                  account out of credit behind a 400 or a 429), or null to go by the status alone
     */
    public ProviderException fromStatus(String provider, UpstreamResponse response, String errorCode,
                                        Kind bodyKind) {
        int status = response.status();
        Kind kind = bodyKind != null ? bodyKind : kindOf(status);
        String code = safeToRepeat(errorCode) ? " (" + errorCode + ")" : "";
        return new ProviderException(provider, kind, provider + " returned HTTP " + status + code, status,
                retryAfter(response).orElse(null));
    }

    static Kind kindOf(int status) {
        return switch (status) {
            // 402: the account behind our key cannot pay (Anthropic's billing_error); another provider bills another.
            case 401, 402, 403 -> Kind.UNAUTHORIZED;
            case 404 -> Kind.NOT_FOUND;
            case 408 -> Kind.TIMEOUT;
            case 413 -> Kind.CONTEXT_TOO_LONG;
            case 429 -> Kind.RATE_LIMITED;
            default -> status >= 500 ? Kind.UNAVAILABLE : Kind.REJECTED;
        };
    }

    /** The failure an I/O error on the connection stands for: a timeout, or the provider being unreachable. */
    public static ProviderException fromIo(String provider, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new ProviderException(provider, Kind.TIMEOUT, provider + " did not accept the connection in time");
        }
        if (e instanceof StreamCutOffException) {
            return ProviderException.cutUnderWay(provider, provider + " stream was still under way at the request's deadline");
        }
        if (e instanceof HttpTimeoutException) {
            return new ProviderException(provider, Kind.TIMEOUT, provider + " did not answer in time");
        }
        return new ProviderException(provider, Kind.UNAVAILABLE,
                provider + " connection failed (" + e.getClass().getSimpleName() + ")");
    }

    /** An answer we could not read as the protocol says it should be. */
    public static ProviderException malformed(String provider, String what) {
        return new ProviderException(provider, Kind.UNAVAILABLE, provider + " sent a malformed answer: " + what);
    }

    /** A call that reached a transport after it was closed: the gateway is stopping. */
    public static ProviderException shuttingDown(String provider) {
        return new ProviderException(provider, Kind.UNAVAILABLE, provider + " call refused: the gateway is shutting down");
    }

    /**
     * How long the upstream asks us to wait: Retry-After in seconds or as an HTTP date, or OpenAI's
     * retry-after-ms. A negative or unreadable value is ignored.
     */
    Optional<Duration> retryAfter(UpstreamResponse response) {
        Optional<String> millis = response.header("retry-after-ms");
        if (millis.isPresent()) {
            Optional<Duration> parsed = parseMillis(millis.get());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return response.header("retry-after").flatMap(this::parseRetryAfter);
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            double ms = Double.parseDouble(value.strip());
            return ms >= 0 && Double.isFinite(ms) ? Optional.of(Duration.ofMillis(Math.round(ms))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
