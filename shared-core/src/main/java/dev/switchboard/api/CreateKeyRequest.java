package dev.switchboard.api;

import java.util.Objects;

/**
 * POST /keys, as parsed: who pays, an optional label, the budget (null for seed 002's default) and
 * the key's own limits.
 */
public record CreateKeyRequest(String user, String name, KeyBudget budget, KeyLimits limits) {

    public CreateKeyRequest {
        Objects.requireNonNull(user, "user");
        limits = limits == null ? KeyLimits.NONE : limits;
    }
}
