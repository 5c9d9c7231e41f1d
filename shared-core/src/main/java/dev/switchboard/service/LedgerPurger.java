package dev.switchboard.service;

import dev.switchboard.ledger.RequestLedger;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes the ledger's rows older than its retention ({@link LedgerRetention}), a batch at a time and at
 * most {@link #MAX_BATCHES} batches of request rows and {@link #MAX_DAYS} rolled-up days a run, so that a
 * run stays short however far behind it starts; the scheduled health probe runs it after each probe. A
 * batch starts only with {@link #BATCH_TIME} left before the run must finish: a batch is a few statements,
 * each allowed the ledger's query timeout, and one that ran past the function's own timeout would lose the
 * probe's report. Never fails its caller: a ledger that cannot be reached or refuses a batch is logged, and
 * the next run goes on where this one stopped.
 */
@Singleton
public class LedgerPurger {

    static final int BATCH = 5_000;
    static final int MAX_BATCHES = 20;
    static final int MAX_DAYS = 60;
    static final Duration BATCH_TIME = Duration.ofSeconds(45);

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
     * Deletes rows past the retention, then rolled-up days, until none is left, the run's limits are reached
     * or too little time is left before {@code finishBy} (null: no limit); returns how many request rows went
     * (0 without a retention).
     */
    public int purge(Instant finishBy) {
        if (!retention.limited()) {
            return 0;
        }
        Instant cutoff = retention.cutoff();
        int deleted = 0;
        int days = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES && timeFor(finishBy); batch++) {
                int rows = ledger.purgeBefore(cutoff, BATCH);
                deleted += rows;
                if (rows < BATCH) {
                    break;
                }
            }
            while (days < MAX_DAYS && timeFor(finishBy) && ledger.purgeOldestDayBefore(cutoff)) {
                days++;
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger retention: deleting rows created before {} failed after {} rows and {} days: {} "
                    + "(SQLState {}); the next run goes on", cutoff, deleted, days, e.getClass().getSimpleName(),
                    LedgerCalls.sqlState(e));
            return deleted;
        }
        if (deleted > 0 || days > 0) {
            LOG.info("ledger retention: deleted {} request rows and {} rolled-up days before {}", deleted, days, cutoff);
        }
        return deleted;
    }

    private boolean timeFor(Instant finishBy) {
        return finishBy == null || clock.instant().plus(BATCH_TIME).isBefore(finishBy);
    }
}
