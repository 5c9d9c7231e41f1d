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
 * Rolls up the ledger's past days ahead of the analytics, newest first; the scheduled health probe runs it after
 * the purge. A read rolls at most one day itself, within a few seconds: a day too large for that (a couple of
 * million requests) would be read from its request rows by every read, and after a deploy whose rollup holds more
 * (every day rolled again) long periods would stay slow until reads had rolled them a day at a time. Here each
 * day's statements may take {@link #DAY_TIME}, and a day starts only with twice that left before the run must
 * finish (a roll is a delete and an insert). Never fails its caller: a failure is logged, and the next run goes on.
 */
@Singleton
public class LedgerRollups {

    static final Duration DAY_TIME = Duration.ofSeconds(30);
    static final int MAX_DAYS = 31;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRollups.class);

    private final RequestLedger ledger;
    private final LedgerRetention retention;
    private final Clock clock;

    @Inject
    public LedgerRollups(RequestLedger ledger, LedgerRetention retention, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Rolls up days the analytics would read from request rows, as far back as they may read, until none is due,
     * {@link #MAX_DAYS} were rolled or too little time is left before {@code finishBy} (null: no limit); returns
     * how many.
     */
    public int rollBehind(Instant finishBy) {
        Instant since = retention.since(MetricsService.MAX_DAYS);
        int rolled = 0;
        try {
            while (rolled < MAX_DAYS && timeFor(finishBy) && ledger.rollUpNewestDueDay(since, DAY_TIME)) {
                rolled++;
            }
        } catch (RuntimeException e) {
            LOG.warn("ledger rollup: rolling past days failed after {} days: {} (SQLState {}); the next run goes on",
                    rolled, e.getClass().getSimpleName(), LedgerCalls.sqlState(e));
            return rolled;
        }
        if (rolled > 0) {
            LOG.info("ledger rollup: rolled up {} past days ahead of the analytics", rolled);
        }
        return rolled;
    }

    private boolean timeFor(Instant finishBy) {
        return finishBy == null || clock.instant().plus(DAY_TIME.multipliedBy(2)).isBefore(finishBy);
    }
}
