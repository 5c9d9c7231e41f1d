package dev.switchboard.ledger;

import io.micronaut.core.annotation.Introspected;

/**
 * How many requests of a period failed with one error type ("timeout", "budget_exceeded", ...);
 * {@value #UNRECORDED} for failures whose type the ledger does not hold.
 */
@Introspected
public record ErrorTypeStat(String errorType, long count) {

    /** The type of a failure the ledger holds none for (a row written without one; older rollups are rolled again). */
    public static final String UNRECORDED = "unrecorded";
}
