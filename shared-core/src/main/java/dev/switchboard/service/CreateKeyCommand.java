package dev.switchboard.service;

import dev.switchboard.api.CreateKeyRequest;
import dev.switchboard.api.KeyBudget;
import dev.switchboard.api.KeyLimits;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Create a virtual key for {@code user}.
 *
 * @param budget null for seed 002's default caps
 * @param name   optional label, null for none
 * @param expiresAt when the key stops working, null for never (until revoked)
 * @param models    the only deployments the key may use (a provider, a model or "provider/model" each); empty for
 *                  every one
 */
public record CreateKeyCommand(String user, String name, BudgetCaps budget, RateLimits limits, Instant expiresAt,
                               List<String> models) {

    /** A key that works until revoked and may use every model. */
    public CreateKeyCommand(String user, String name, BudgetCaps budget, RateLimits limits) {
        this(user, name, budget, limits, null);
    }

    /** A key that may use every model. */
    public CreateKeyCommand(String user, String name, BudgetCaps budget, RateLimits limits, Instant expiresAt) {
        this(user, name, budget, limits, expiresAt, List.of());
    }

    public CreateKeyCommand {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        limits = limits == null ? RateLimits.NONE : limits;
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }

    /** The command a parsed POST /keys body asks for. */
    public static CreateKeyCommand from(CreateKeyRequest request) {
        return new CreateKeyCommand(request.user(), request.name(), caps(request.budget()), limits(request.limits()),
                request.expiresAt(), request.models());
    }

    /** A budget as the admin gave it, as state keeps it: null for seed 002's default. */
    static BudgetCaps caps(KeyBudget budget) {
        return budget == null ? null : new BudgetCaps(budget.dailyUsd(), budget.monthlyUsd());
    }

    /** A key's own limits as the admin gave them, as state keeps them: null for none. */
    static RateLimits limits(KeyLimits limits) {
        return limits == null ? RateLimits.NONE : new RateLimits(limits.rpm(), limits.tpm());
    }
}
