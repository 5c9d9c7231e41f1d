package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response: {@code {"error": {"type", "message", "field", "param", "code"}}}.
 * {@code field} is always present, null when the error is not about one field, so clients can read it
 * blindly; {@code param} repeats it under the name OpenAI's error object gives it, which is where
 * OpenAI's SDKs look for the offending parameter, and {@code code} repeats the type where they look for
 * a machine-readable code (their {@code e.code}; {@code context_length_exceeded} and
 * {@code model_not_found} are OpenAI's own).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String type, String message, String field, String param, String code) {

    public ApiError(String type, String message, String field) {
        this(type, message, field, field, type);
    }

    public ErrorEnvelope envelope() {
        return new ErrorEnvelope(this);
    }

    @Serdeable
    public record ErrorEnvelope(ApiError error) {
    }
}
