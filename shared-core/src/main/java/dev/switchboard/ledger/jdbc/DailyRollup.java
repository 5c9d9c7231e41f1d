package dev.switchboard.ledger.jdbc;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps request_day, the analytics' daily rollup (V6), and tells each query which days it may read from
 * it. A day is rolled, newest first, by the analytics reads themselves, at most {@link #DAYS_PER_READ}
 * per read, once it ended {@link #SETTLE} ago: no scheduler to deploy, and the first read of a new day
 * pays for one day's scan, which it would have paid anyway. A roll replaces the day's rows in one
 * transaction, so a reader sees the old rows or the new ones. A row written after its day may have been
 * rolled (from the outbox) marks the day stale in the transaction that writes it ({@link #markStale}),
 * so the row and the mark land together; a stale day is read from request_log until a read rolls it
 * again. Rolling claims the day's marker row first, and a late row's mark waits for that claim, so a row
 * the roll did not see always leaves its day stale. A roll that fails (a day too large for
 * {@link #ROLL_TIMEOUT_SECONDS}, the database busy) pauses this instance's rolls for {@link #PAUSE}, so
 * that reads do not pay for it again and again; its days are read from request_log meanwhile.
 */
final class DailyRollup {

    /** How long after its end a day is rolled: longer than any request takes to be written (Lambda's 15 min). */
    static final Duration SETTLE = Duration.ofMinutes(20);
    static final int DAYS_PER_READ = 1;
    static final int ROLL_TIMEOUT_SECONDS = 5;
    static final Duration PAUSE = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(DailyRollup.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /**
     * What a day's rolled rows hold, on its marker: 1 since the failures' error_type (ledger V10). A marker of a
     * lower version (a day rolled before, or by an older instance during a deploy) is rolled again.
     */
    static final int ROLLUP_VERSION = 1;
    private static final String GROUPS = "principal, strategy, confidence, provider, model, tier, "
            + "CASE WHEN fallback_used THEN first_choice END, status, error_type, cache_hit, fallback_used, priced, "
            + "cache_asked";
    private static final String ROLL = "INSERT INTO request_day (utc_day, principal, strategy, confidence, provider, "
            + "model, tier, first_choice, status, error_type, cache_hit, fallback_used, priced, cache_asked, requests, "
            + "tokens_in, tokens_out, cost, baseline_cost, latency_ms, cached_tokens_in, cache_write_tokens_in) "
            + "SELECT CAST(? AS DATE), " + GROUPS
            + ", COUNT(*), SUM(tokens_in), SUM(tokens_out), SUM(cost), SUM(baseline_cost), SUM(latency_ms), "
            + "SUM(cached_tokens_in), SUM(cache_write_tokens_in) FROM request_log WHERE created_at >= ? AND created_at < ? "
            + "GROUP BY " + GROUPS;

    private final JdbcOperations jdbc;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.MIN;

    DailyRollup(JdbcOperations jdbc, Clock clock) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The period from {@code since} to now as a query reads it: the newest run of rolled, fresh whole days
     * up to the last day old enough to roll, after rolling one day of the period (the newest not rolled or
     * stale) if one is due and rolls are not paused.
     */
    LedgerPeriod period(Instant since) {
        Instant now = clock.instant();
        LocalDate first = firstWholeDay(since);
        LocalDate last = lastSettledDay(now);
        if (last.isBefore(first)) {
            return LedgerPeriod.raw(since);
        }
        Map<LocalDate, Boolean> fresh = markers(first, last);
        int rolls = 0;
        for (LocalDate day = last; !day.isBefore(first) && rolls < DAYS_PER_READ && now.isAfter(pausedUntil);
             day = day.minusDays(1)) {
            if (!fresh.getOrDefault(day, false)) {
                rolls++;
                fresh.put(day, roll(day, now, ROLL_TIMEOUT_SECONDS));
            }
        }
        // The newest run of fresh days; request_log serves the days on either side of it.
        LocalDate to = last;
        while (!to.isBefore(first) && !fresh.getOrDefault(to, false)) {
            to = to.minusDays(1);
        }
        LocalDate from = to.plusDays(1);
        while (!from.minusDays(1).isBefore(first) && fresh.getOrDefault(from.minusDays(1), false)) {
            from = from.minusDays(1);
        }
        return from.isAfter(to) ? LedgerPeriod.raw(since) : new LedgerPeriod(since, from, to.plusDays(1));
    }

    /**
     * Marks the day of a row created at {@code createdAt} stale, on the connection of the transaction that
     * writes the row: should a roll have claimed the day meanwhile, this waits for it and then marks it.
     */
    void markStale(Connection connection, Instant createdAt) throws SQLException {
        LocalDate day = LocalDate.ofInstant(createdAt, ZoneOffset.UTC);
        if (markStale(connection, day) > 0) {
            return;
        }
        Savepoint beforeMarker = connection.setSavepoint();
        try {
            insertMarker(connection, day, clock.instant(), true);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeMarker); // a roll claimed the day meanwhile: its marker goes stale
            markStale(connection, day);
        }
    }

    /** Day to whether its rollup is fresh, for the days rolled (or marked) in [first, last]. */
    private Map<LocalDate, Boolean> markers(LocalDate first, LocalDate last) {
        return jdbc.execute(connection -> {
            Map<LocalDate, Boolean> fresh = new HashMap<>();
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT utc_day, stale, rollup_version FROM request_day_rollup WHERE utc_day >= ? AND utc_day <= ?")) {
                read.setObject(1, first);
                read.setObject(2, last);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        fresh.put(rows.getObject(1, LocalDate.class),
                                !rows.getBoolean(2) && rows.getInt(3) >= ROLLUP_VERSION);
                    }
                }
            }
            return fresh;
        });
    }

    /**
     * Rolls up the newest settled day from {@code since} on that is not fresh, its statements allowed {@code
     * timeout} (the scheduled probe's catch-up: a day too large for a read's {@link #ROLL_TIMEOUT_SECONDS} would
     * otherwise never be rolled, and every read of it would scan its request rows); the day rolled, or empty when
     * none is due or the roll did not happen.
     */
    Optional<LocalDate> rollNewestDue(Instant since, Duration timeout) {
        Instant now = clock.instant();
        Optional<Instant> oldest = oldestRow();
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        // No further back than the oldest row: the days before it have nothing to roll.
        LocalDate first = firstWholeDay(since);
        LocalDate oldestDay = LocalDate.ofInstant(oldest.get(), ZoneOffset.UTC);
        if (first.isBefore(oldestDay)) {
            first = oldestDay;
        }
        LocalDate last = lastSettledDay(now);
        if (last.isBefore(first)) {
            return Optional.empty();
        }
        Map<LocalDate, Boolean> fresh = markers(first, last);
        for (LocalDate day = last; !day.isBefore(first); day = day.minusDays(1)) {
            if (!fresh.getOrDefault(day, false)) {
                int seconds = (int) Math.max(ROLL_TIMEOUT_SECONDS, timeout.toSeconds());
                return roll(day, now, seconds) ? Optional.of(day) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> oldestRow() {
        return jdbc.execute(connection -> {
            try (PreparedStatement oldest = connection.prepareStatement("SELECT MIN(created_at) FROM request_log");
                 ResultSet row = oldest.executeQuery()) {
                Timestamp at = row.next() ? row.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        });
    }

    private static LocalDate firstWholeDay(Instant since) {
        LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
        return LedgerPeriod.start(first).isBefore(since) ? first.plusDays(1) : first; // only whole days are rolled up
    }

    private static LocalDate lastSettledDay(Instant now) {
        return LocalDate.ofInstant(now.minus(SETTLE), ZoneOffset.UTC).minusDays(1);
    }

    /** Rolls {@code day} up; false when another reader claimed it first or the roll failed (logged). */
    private boolean roll(LocalDate day, Instant now, int timeoutSeconds) {
        try {
            return LedgerTransaction.run(jdbc, connection -> {
                if (!claim(connection, day, now)) {
                    throw new Claimed();
                }
                try (LongerStatements longer = timeoutSeconds > ROLL_TIMEOUT_SECONDS
                        ? LongerStatements.allow(connection, timeoutSeconds) : LongerStatements.NONE;
                     PreparedStatement clear = connection.prepareStatement("DELETE FROM request_day WHERE utc_day = ?");
                     PreparedStatement roll = connection.prepareStatement(ROLL)) {
                    clear.setQueryTimeout(timeoutSeconds);
                    clear.setObject(1, day);
                    clear.executeUpdate();
                    roll.setQueryTimeout(timeoutSeconds);
                    roll.setObject(1, day);
                    roll.setTimestamp(2, Timestamp.from(LedgerPeriod.start(day)));
                    roll.setTimestamp(3, Timestamp.from(LedgerPeriod.start(day.plusDays(1))));
                    roll.executeUpdate();
                }
                return true;
            });
        } catch (RuntimeException e) {
            if (e instanceof Claimed || e.getCause() instanceof Claimed) {
                return false;
            }
            pausedUntil = now.plus(PAUSE);
            LOG.warn("could not roll up the ledger's rows of {}: {} (SQLState {}); rolls pause for {}, and the "
                    + "period is read from request_log", day, e.getClass().getSimpleName(), LedgerSchema.sqlState(e), PAUSE);
            return false;
        }
    }

    /** Another reader rolled the day, or is rolling it: this transaction takes back its claim attempt. */
    private static final class Claimed extends RuntimeException {
        Claimed() {
            super(null, null, false, false);
        }
    }

    /**
     * Takes the day's marker for this transaction: a stale one (or one of an older version) turned fresh, or a new
     * one; false if taken.
     */
    private static boolean claim(Connection connection, LocalDate day, Instant now) throws SQLException {
        try (PreparedStatement refresh = connection.prepareStatement("UPDATE request_day_rollup SET stale = FALSE, "
                + "rolled_at = ?, rollup_version = ? WHERE utc_day = ? AND (stale OR rollup_version < ?)")) {
            refresh.setTimestamp(1, Timestamp.from(now));
            refresh.setInt(2, ROLLUP_VERSION);
            refresh.setObject(3, day);
            refresh.setInt(4, ROLLUP_VERSION);
            if (refresh.executeUpdate() == 1) {
                return true;
            }
        }
        try {
            insertMarker(connection, day, now, false);
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false; // another reader rolled it, or is rolling it
            }
            throw e;
        }
    }

    /**
     * A stale marker has version 0, which no roll of this version leaves: an older instance that takes the day (it
     * sets only stale and rolled_at) and rolls it without what this version adds leaves it stale to this version.
     */
    private static int markStale(Connection connection, LocalDate day) throws SQLException {
        try (PreparedStatement stale = connection.prepareStatement(
                "UPDATE request_day_rollup SET stale = TRUE, rollup_version = 0 WHERE utc_day = ?")) {
            stale.setObject(1, day);
            return stale.executeUpdate();
        }
    }

    private static void insertMarker(Connection connection, LocalDate day, Instant at, boolean stale)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO request_day_rollup (utc_day, rolled_at, stale, rollup_version) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, day);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setBoolean(3, stale);
            insert.setInt(4, stale ? 0 : ROLLUP_VERSION);
            insert.executeUpdate();
        }
    }
}
