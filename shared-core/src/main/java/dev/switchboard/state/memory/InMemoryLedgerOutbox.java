package dev.switchboard.state.memory;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;

import java.util.ArrayList;
import java.util.Comparator;
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
        List<LedgerEntry> rows = new ArrayList<>(parked.values());
        rows.sort(Comparator.comparing(LedgerEntry::createdAt));
        return List.copyOf(rows.subList(0, Math.min(max, rows.size())));
    }

    @Override
    public void remove(LedgerEntry entry) {
        parked.remove(key(entry));
    }

    private static String key(LedgerEntry entry) {
        return entry.createdAt() + "#" + entry.id();
    }
}
