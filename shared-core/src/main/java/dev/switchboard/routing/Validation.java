package dev.switchboard.routing;

import java.util.Locale;

/**
 * How the hybrid strategy's learned choice stood up to the complexity rule (seed 001's "validation").
 */
public enum Validation {
    /** Learning and the complexity rule asked for the same tier. */
    VALIDATED,
    /** One tier apart: a confident learner was followed, or the stronger of the two tiers taken. */
    ADJUSTED,
    /** Learning declined, failed or was too far from the rule: the complexity rule decided. */
    FALLBACK,
    /** A strategy that does not learn: there was nothing to validate. */
    NOT_APPLICABLE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
