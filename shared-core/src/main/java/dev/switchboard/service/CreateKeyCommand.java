package dev.switchboard.service;

import dev.switchboard.api.CreateKeyRequest;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;

import java.time.Instant;
import java.util.Objects;

/**
 * Create a virtual key for {@code user}.
 *
 * @param budget null for seed 002's default caps
 * @param name   optional label, null for none
 * @param expiresAt when the key stops working, null for never (until revoked)
 */
public record CreateKeyCommand(String user, String name, BudgetCaps budget, RateLimits limits, Instant expiresAt) {

    /** A key that works until revoked. */
    public CreateKeyCommand(String user, String name, BudgetCaps budget, RateLimits limits) {
        this(user, name, budget, limits, null);
    }

    public CreateKeyCommand {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        limits = limits == null ? RateLimits.NONE : limits;
    }

    /** The command a parsed POST /keys body asks for. */
    public static CreateKeyCommand from(CreateKeyRequest request) {
        BudgetCaps budget = request.budget() == null ? null
                : new BudgetCaps(request.budget().dailyUsd(), request.budget().monthlyUsd());
        return new CreateKeyCommand(request.user(), request.name(), budget,
                new RateLimits(request.limits().rpm(), request.limits().tpm()), request.expiresAt());
    }
}
