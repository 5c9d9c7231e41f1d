package dev.switchboard.service;

import dev.switchboard.ledger.RequestLedger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes the ledger's rows older than its retention ({@link LedgerRetention}), a batch at a time and at
 * most {@link #MAX_BATCHES} batches a run, so that a run stays short however far behind it starts; the
 * scheduled health probe runs it after each probe. Never fails its caller: a ledger that cannot be reached
 * or refuses a batch is logged, and the next run goes on where this one stopped.
 */
@Singleton
public class LedgerPurger {

    static final int BATCH = 5_000;
    static final int MAX_BATCHES = 20;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerPurger.class);

    private final RequestLedger ledger;
    private final LedgerRetention retention;
    private final Clock clock;

    @Inject
    public LedgerPurger(RequestLedger ledger, LedgerRetention retention, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Deletes rows past the retention until none is left, {@link #MAX_BATCHES} batches went, or
     * {@code finishBy} (null: no limit) has passed; returns how many request rows went (0 without a retention).
     */
    public int purge(Instant finishBy) {
        if (!retention.limited()) {
            return 0;
        }
        Instant cutoff = retention.cutoff();
        int deleted = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES && (finishBy == null || clock.instant().isBefore(finishBy)); batch++) {
                int rows = ledger.purgeBefore(cutoff, BATCH);
                deleted += rows;
                if (rows < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger retention: deleting rows created before {} failed after {} rows: {}; the next run goes on",
                    cutoff, deleted, e.getClass().getSimpleName());
            return deleted;
        }
        if (deleted > 0) {
            LOG.info("ledger retention: deleted {} request rows created before {}", deleted, cutoff);
        }
        return deleted;
    }
}
