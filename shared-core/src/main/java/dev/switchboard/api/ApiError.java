package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response: {@code {"error": {"type", "message", "field"}}}. {@code field}
 * is always present, null when the error is not about one field, so clients can read it blindly.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String type, String message, String field) {

    public ErrorEnvelope envelope() {
        return new ErrorEnvelope(this);
    }

    @Serdeable
    public record ErrorEnvelope(ApiError error) {
    }
}
