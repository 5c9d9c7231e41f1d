package dev.switchboard.api;

import java.util.Map;
import java.util.Objects;

/**
 * A failure the caller should see as the error JSON of the contract: an HTTP status, a stable
 * machine-readable type, a message safe to show, and the offending field when there is one.
 * Messages must never carry keys, stack traces or internal class names.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String field;

    public ApiException(int status, String type, String message, String field) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.status = status;
        this.type = Objects.requireNonNull(type, "type");
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The request field at fault, or null when the error is not about one field. */
    public String field() {
        return field;
    }

    /** Headers the error response carries besides its body (e.g. Retry-After); none by default. */
    public Map<String, String> headers() {
        return Map.of();
    }

    public ApiError toError() {
        return new ApiError(type, getMessage(), field);
    }
}
