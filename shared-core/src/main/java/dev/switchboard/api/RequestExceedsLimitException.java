package dev.switchboard.api;

/**
 * 400: the request asks more than a limit allows even when nothing else uses it (tokens per minute, a
 * whole budget), so waiting would never help, unlike a 429 or a 402. The message names the limit and
 * what the request asks; {@code max_tokens} is the field to lower.
 */
public final class RequestExceedsLimitException extends ApiException {

    public RequestExceedsLimitException(String message) {
        super(400, "request_exceeds_limit", message, "max_tokens");
    }
}
