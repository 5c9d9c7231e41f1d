package dev.switchboard.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A virtual key as the admin created it, without the key itself: only its hash is ever stored, and
 * the clear key is shown once, in the creation response.
 *
 * @param id        public identifier ("vk_" + 16 base64url characters), safe to log and show
 * @param user      the principal whose budget pays for the key's requests
 * @param budget    the key's caps; null for seed 002's default
 * @param limits    the key's own RPM / TPM ({@link RateLimits#NONE} for none)
 * @param createdAt when the admin created it
 * @param name      an optional label ("ci", "notebook"); null when none was given
 * @param expiresAt when the key stops working; null when it works until revoked
 * @param models    the only deployments the key may use, each entry a provider, a model or "provider/model", in
 *                  the admin's order; empty when it may use every one
 */
public record VirtualKey(String id, String user, BudgetCaps budget, RateLimits limits, Instant createdAt,
                         String name, Instant expiresAt, List<String> models) {

    /** A key that works until revoked and may use every model. */
    public VirtualKey(String id, String user, BudgetCaps budget, RateLimits limits, Instant createdAt, String name) {
        this(id, user, budget, limits, createdAt, name, null);
    }

    /** A key that may use every model. */
    public VirtualKey(String id, String user, BudgetCaps budget, RateLimits limits, Instant createdAt, String name,
                      Instant expiresAt) {
        this(id, user, budget, limits, createdAt, name, expiresAt, List.of());
    }

    public VirtualKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(createdAt, "createdAt");
        if (id.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("a virtual key needs a non-blank id and user");
        }
        limits = limits == null ? RateLimits.NONE : limits;
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }

    /** This key as {@code changed} says it should be now, which may not make it another user's or another key. */
    public VirtualKey requireSameKey(VirtualKey changed) {
        if (!id.equals(changed.id) || !user.equals(changed.user) || !createdAt.equals(changed.createdAt)) {
            throw new IllegalArgumentException("a change of a key keeps its id, user and creation time");
        }
        return changed;
    }

    /** Whether the key no longer works at {@code now} because its time ran out. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
