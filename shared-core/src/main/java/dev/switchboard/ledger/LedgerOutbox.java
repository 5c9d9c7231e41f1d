package dev.switchboard.ledger;

import java.util.List;

/**
 * Ledger rows that could not be written when their request ended, kept elsewhere until the ledger
 * takes them: a request that succeeded is never lost from the ledger because the ledger was down.
 */
public interface LedgerOutbox {

    /** Keeps {@code entry} until it is {@link #remove removed}. */
    void park(LedgerEntry entry);

    /** Up to {@code max} parked rows, oldest first. */
    List<LedgerEntry> oldest(int max);

    /** Up to {@code max} parked rows that come after {@code last} in that order, oldest first. */
    List<LedgerEntry> after(LedgerEntry last, int max);

    /** Forgets a parked row once the ledger has it. */
    void remove(LedgerEntry entry);
}
