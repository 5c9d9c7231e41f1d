package dev.switchboard.ledger;

/**
 * Whose rows an analytics query reads: everyone's (the admin, the gateway's own routing), or one
 * principal's (a virtual key sees its own user's requests and feedback, never another's).
 *
 * @param principal the one principal; null for everyone
 */
public record LedgerScope(String principal) {

    public static final LedgerScope EVERYONE = new LedgerScope(null);

    public static LedgerScope of(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new IllegalArgumentException("a scope's principal must not be blank");
        }
        return new LedgerScope(principal);
    }
}
