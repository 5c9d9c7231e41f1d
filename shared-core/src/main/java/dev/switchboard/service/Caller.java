package dev.switchboard.service;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.RateLimits;

import java.util.List;
import java.util.Objects;

/**
 * Who sent a request, as authentication found it: the principal whose budget pays, the virtual key
 * it came with (its id, never the key), that key's own caps and limits, and whether it may use the
 * admin routes.
 *
 * @param principal the key's user, or {@value #ANONYMOUS_PRINCIPAL} while authentication is off
 * @param keyId     the virtual key's id; null without a virtual key (anonymous or the admin key)
 * @param budget    the key's caps; null for seed 002's default
 * @param limits    the key's own RPM / TPM
 * @param admin     true for the admin key, and for everyone while authentication is off
 * @param models    the only deployments the key may use (see {@link dev.switchboard.state.VirtualKey#models()});
 *                  empty for every one
 */
public record Caller(String principal, String keyId, BudgetCaps budget, RateLimits limits, boolean admin,
                     List<String> models) {

    public static final String ANONYMOUS_PRINCIPAL = "anonymous";

    /** Everyone, while authentication is off (locally, with no admin key set). */
    public static final Caller ANONYMOUS = new Caller(ANONYMOUS_PRINCIPAL, null, null, RateLimits.NONE, true);

    public Caller {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("principal must not be blank");
        }
        limits = limits == null ? RateLimits.NONE : limits;
        models = List.copyOf(Objects.requireNonNull(models, "models"));
    }

    /** A caller that may use every model. */
    public Caller(String principal, String keyId, BudgetCaps budget, RateLimits limits, boolean admin) {
        this(principal, keyId, budget, limits, admin, List.of());
    }

    /** The ledger rows this caller's analytics read: everyone's for the admin, else its own user's. */
    public LedgerScope ledgerScope() {
        return admin ? LedgerScope.EVERYONE : LedgerScope.of(principal);
    }

    /** The caps this caller's spending is held to. */
    public BudgetCaps caps() {
        return BudgetCaps.orDefault(budget);
    }
}
