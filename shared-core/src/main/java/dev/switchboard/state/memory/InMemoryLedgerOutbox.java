package dev.switchboard.state.memory;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** Parked ledger rows in this process only: for tests and for measuring the gateway's own cost. */
public final class InMemoryLedgerOutbox implements LedgerOutbox {

    private final ConcurrentSkipListMap<String, LedgerEntry> parked = new ConcurrentSkipListMap<>();

    @Override
    public void park(LedgerEntry entry) {
        parked.put(key(entry), entry);
    }

    @Override
    public List<LedgerEntry> oldest(int max) {
        return firstOf(parked.values(), max);
    }

    @Override
    public List<LedgerEntry> after(LedgerEntry last, int max) {
        return firstOf(parked.tailMap(key(last), false).values(), max);
    }

    private static List<LedgerEntry> firstOf(Collection<LedgerEntry> rows, int max) {
        return rows.stream().limit(max).toList();
    }

    @Override
    public void remove(LedgerEntry entry) {
        parked.remove(key(entry));
    }

    /** Ordered as DynamoDB orders the outbox's sort keys: creation time, then id. */
    private static String key(LedgerEntry entry) {
        return entry.createdAt() + "#" + entry.id();
    }
}
