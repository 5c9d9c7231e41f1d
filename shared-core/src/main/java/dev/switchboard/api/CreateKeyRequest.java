package dev.switchboard.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * POST /keys, as parsed: who pays, an optional label, the budget (null for seed 002's default), the key's
 * own limits, when it stops working (null: until revoked) and the only models it may use (empty: every one).
 */
public record CreateKeyRequest(String user, String name, KeyBudget budget, KeyLimits limits, Instant expiresAt,
                               List<String> models) {

    /** A key that works until revoked and may use every model. */
    public CreateKeyRequest(String user, String name, KeyBudget budget, KeyLimits limits) {
        this(user, name, budget, limits, null, List.of());
    }

    public CreateKeyRequest {
        Objects.requireNonNull(user, "user");
        limits = limits == null ? KeyLimits.NONE : limits;
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }
}
