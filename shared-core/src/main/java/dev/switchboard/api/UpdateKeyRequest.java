package dev.switchboard.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * PATCH /keys/{id}, as parsed: the fields of a virtual key to change, each replaced whole when given (null clears
 * it: no label, seed 002's default budget, no limits of its own, no expiry, every model); a key's user is its own.
 */
public record UpdateKeyRequest(FieldChange<String> name, FieldChange<KeyBudget> budget, FieldChange<KeyLimits> limits,
                               FieldChange<Instant> expiresAt, FieldChange<List<String>> models) {

    public UpdateKeyRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(models, "models");
    }

    /** The wire names of the fields given, for the log line of the change. */
    public List<String> given() {
        return Stream.of(name.given() ? "name" : null, budget.given() ? "budget" : null,
                limits.given() ? "limits" : null, expiresAt.given() ? "expires_at" : null,
                models.given() ? "models" : null).filter(Objects::nonNull).toList();
    }
}
