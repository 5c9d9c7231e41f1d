package dev.switchboard.api;

import java.time.Instant;
import java.util.Objects;

/**
 * POST /keys, as parsed: who pays, an optional label, the budget (null for seed 002's default), the key's
 * own limits and when it stops working (null: until revoked).
 */
public record CreateKeyRequest(String user, String name, KeyBudget budget, KeyLimits limits, Instant expiresAt) {

    /** A key that works until revoked. */
    public CreateKeyRequest(String user, String name, KeyBudget budget, KeyLimits limits) {
        this(user, name, budget, limits, null);
    }

    public CreateKeyRequest {
        Objects.requireNonNull(user, "user");
        limits = limits == null ? KeyLimits.NONE : limits;
    }
}
