package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;

/** The body of every error response: {@code {"error": {"type", "message", "field"}}}. */
@Serdeable
public record ApiError(String type, String message, String field) {

    public ErrorEnvelope envelope() {
        return new ErrorEnvelope(this);
    }

    @Serdeable
    public record ErrorEnvelope(ApiError error) {
    }
}
