package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.RatingBar;
import dev.switchboard.testsupport.SharedTestClock;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics read whole past days from their daily rollup and give the same figures as request_log's
 * rows would, whatever part of the period is rolled, for everyone and for one principal, and a row
 * written after its day was rolled is counted all the same.
 */
abstract class LedgerRollupContract extends LedgerContextContract {

    private static final String[] STRATEGIES = {"complexity", "hybrid", "cost"};
    private static final String[] ERROR_TYPES = {"timeout", "budget_exceeded", "no_provider_available"};
    private static final String[] CONFIDENCES = {"low", "medium", "high"};
    private static final String[][] DEPLOYMENTS = {{"gemini", "gemini-1.5-flash", "economy"},
            {"openai", "gpt-4o", "premium"}, {"anthropic", "claude-3-5-haiku-20241022", "standard"}};
    private static final String[] PRINCIPALS = {"alice", "bob", "admin"};

    /** Every rated deployment: the figure's cost part is what reads the period. */
    private static final RatingBar ANY_RATING = new RatingBar(1.0, 0.0, 1);

    private final Random random = new Random(20261129L);

    /** The database's settings. */
    abstract Map<String, Object> database();

    @Override
    final Map<String, Object> datasource() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put(SharedTestClock.PROPERTY, "true");
        return properties;
    }

    private Instant now() {
        return SharedTestClock.CLOCK.instant();
    }

    /** A random row created at {@code at}: any strategy, deployment, outcome, price, cache use (both caches) and fallback. */
    private LedgerEntry row(Instant at) {
        String[] deployment = DEPLOYMENTS[random.nextInt(DEPLOYMENTS.length)];
        boolean failed = random.nextInt(10) == 0;
        boolean answered = !failed || random.nextBoolean();
        boolean cacheHit = !failed && random.nextInt(5) == 0;
        boolean fallback = !cacheHit && random.nextInt(6) == 0;
        boolean priced = random.nextInt(8) != 0;
        BigDecimal cost = BigDecimal.valueOf(random.nextInt(100_000), 10);
        int tokensIn = random.nextInt(500);
        int cachedIn = cacheHit ? 0 : random.nextInt(tokensIn + 1);
        int cacheWriteIn = cacheHit ? 0 : random.nextInt(tokensIn - cachedIn + 1);
        return new LedgerEntry(UUID.randomUUID().toString(), at, PRINCIPALS[random.nextInt(PRINCIPALS.length)],
                "complete", STRATEGIES[random.nextInt(STRATEGIES.length)],
                CONFIDENCES[random.nextInt(CONFIDENCES.length)], "general", 0.3,
                answered ? deployment[0] : null, answered ? deployment[1] : null, tokensIn,
                random.nextInt(900), cacheHit ? BigDecimal.ZERO : cost, BigDecimal.valueOf(random.nextInt(200_000), 10),
                priced, random.nextInt(3_000), cacheHit, fallback, fallback ? 2 : 1,
                failed ? LedgerEntry.ERROR : LedgerEntry.OK,
                failed ? ERROR_TYPES[random.nextInt(ERROR_TYPES.length)] : null,
                answered ? deployment[2] : null, DEPLOYMENTS[random.nextInt(DEPLOYMENTS.length)][0] + "/m", null, null,
                null, cacheHit || random.nextInt(4) != 0 ? Boolean.TRUE : random.nextBoolean() ? Boolean.FALSE : null,
                cachedIn, cacheWriteIn);
    }

    /** Every analytics figure over the period from {@code since}, as the ledger answers it now. */
    private List<Object> analytics(Instant since, LedgerScope scope) {
        return List.of(ledger.stats(since, scope), ledger.errorsByType(since, scope), ledger.byStrategy(since, scope),
                ledger.byConfidence(since, scope),
                ledger.byProvider(since, scope), ledger.cacheStats(since, scope), ledger.tierShare(since, scope),
                ledger.fallbackCauses(since, scope), ledger.wellRatedByCost(since, ANY_RATING, scope));
    }

    /** The same figures from request_log's rows alone. */
    private List<Object> fromRows(Instant since, LedgerScope scope) {
        RequestRecordRepository rows = bean(RequestRecordRepository.class);
        LedgerPeriod p = LedgerPeriod.raw(since);
        String who = scope.principal();
        return List.of(rows.stats(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.errorsByType(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.byStrategy(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.byConfidence(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.byProvider(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.cacheStats(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.tierShare(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                rows.fallbackCauses(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(), who),
                bean(FeedbackRecordRepository.class).wellRatedByCost(since, p.fromDay(), p.toDay(), p.rolledFrom(),
                        p.rolledTo(), ANY_RATING.minAvgRating(), ANY_RATING.minAvgQualityScore(),
                        ANY_RATING.minRequests(), who));
    }

    private List<LedgerEntry> appendDays(int days, int perDay) {
        List<LedgerEntry> rows = new ArrayList<>();
        Instant now = now();
        for (int i = 0; i < days * perDay; i++) {
            rows.add(row(now.minus(Duration.ofMinutes(random.nextInt(days * 24 * 60)))));
        }
        // Rows at a day's first instant and just before it: the edges of what is rolled.
        Instant midnight = LedgerPeriod.start(LedgerPeriod.raw(now).fromDay().minusDays(2));
        rows.add(row(midnight));
        rows.add(row(midnight.minusNanos(1_000)));
        rows.forEach(ledger::append);
        for (LedgerEntry rated : rows.subList(0, rows.size() / 4)) {
            if (LedgerEntry.OK.equals(rated.status()) && rated.provider() != null) {
                ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), rated.id(), now,
                        rated.principal(), 1 + random.nextInt(5), null, null, null));
            }
        }
        return rows;
    }

    @Test
    void everyFigureIsTheSameWhetherItsDaysAreRolledUpOrNot() {
        appendDays(6, 40);
        Instant since = now().minus(Duration.ofDays(5)).minus(Duration.ofHours(3));
        List<Object> expected = fromRows(since, LedgerScope.EVERYONE);
        List<Object> alices = fromRows(since, LedgerScope.of("alice"));
        assertTrue(((List<?>) expected.get(1)).size() > 1, "failures of several types: " + expected);
        assertTrue(((List<?>) expected.get(2)).size() > 1, "the rows vary: " + expected);

        for (int read = 0; read < 8; read++) { // each read rolls up at most one more day, newest first
            assertEquals(expected, analytics(since, LedgerScope.EVERYONE), "read " + read);
            assertEquals(alices, analytics(since, LedgerScope.of("alice")), "read " + read);
        }
        assertTrue(new DailyRollup(bean(JdbcOperations.class), SharedTestClock.CLOCK)
                .period(since).rolled(), "whole days of the period are read from the rollup by now");
    }

    @Test
    void aDayRolledByAnOlderVersionIsReadFromItsRowsUntilRolledAgainWithTheFailuresTypes() {
        appendDays(4, 30);
        Instant since = now().minus(Duration.ofDays(3)).minus(Duration.ofHours(3));
        for (int read = 0; read < 5; read++) {
            analytics(since, LedgerScope.EVERYONE);
        }
        // As an instance of the version before error_type leaves its days: no types, a marker of version 0.
        JdbcOperations jdbc = bean(JdbcOperations.class);
        jdbc.execute(connection -> {
            connection.createStatement().executeUpdate("UPDATE request_day SET error_type = NULL");
            return connection.createStatement().executeUpdate("UPDATE request_day_rollup SET rollup_version = 0");
        });
        List<Object> expected = fromRows(since, LedgerScope.EVERYONE);

        for (int read = 0; read < 5; read++) {
            assertEquals(expected, analytics(since, LedgerScope.EVERYONE), "read " + read);
        }
        assertTrue(new DailyRollup(jdbc, SharedTestClock.CLOCK).period(since).rolled(), "rolled again by now");
        assertEquals(expected, analytics(since, LedgerScope.EVERYONE));
    }

    @Test
    void aStaleDayAnOlderVersionTakesAndRollsIsReadFromItsRowsUntilRolledAgain() {
        appendDays(4, 30);
        Instant since = now().minus(Duration.ofDays(3)).minus(Duration.ofHours(3));
        for (int read = 0; read < 5; read++) {
            analytics(since, LedgerScope.EVERYONE);
        }
        LedgerEntry late = row(now().minus(Duration.ofDays(2)));
        ledger.append(late); // from the outbox: its day is stale now
        LocalDate day = LocalDate.ofInstant(late.createdAt(), ZoneOffset.UTC);
        // An instance of the version before error_type takes the stale day its way and rolls it without types.
        JdbcOperations jdbc = bean(JdbcOperations.class);
        int taken = jdbc.execute(connection -> {
            try (PreparedStatement take = connection.prepareStatement(
                    "UPDATE request_day_rollup SET stale = FALSE, rolled_at = ? WHERE utc_day = ? AND stale");
                 PreparedStatement untyped = connection.prepareStatement(
                         "UPDATE request_day SET error_type = NULL WHERE utc_day = ?")) {
                take.setTimestamp(1, Timestamp.from(now()));
                take.setObject(2, day);
                untyped.setObject(1, day);
                untyped.executeUpdate();
                return take.executeUpdate();
            }
        });
        assertEquals(1, taken, "the older instance found the day stale");
        List<Object> expected = fromRows(since, LedgerScope.EVERYONE);

        for (int read = 0; read < 5; read++) {
            assertEquals(expected, analytics(since, LedgerScope.EVERYONE), "read " + read);
        }
        assertTrue(new DailyRollup(jdbc, SharedTestClock.CLOCK).period(since).rolled(), "rolled again by now");
    }

    @Test
    void theScheduledCatchUpRollsEachDueDayNewestFirstBackToTheOldestRowWithItsLongerTimeout() {
        List<LedgerEntry> rows = appendDays(4, 30);
        DailyRollup rollup = new DailyRollup(bean(JdbcOperations.class), SharedTestClock.CLOCK);
        Instant tenYears = now().minus(Duration.ofDays(3650));
        Duration longer = Duration.ofSeconds(DailyRollup.ROLL_TIMEOUT_SECONDS * 6L);

        List<LocalDate> rolled = new ArrayList<>();
        for (Optional<LocalDate> day = rollup.rollNewestDue(tenYears, longer); day.isPresent();
             day = rollup.rollNewestDue(tenYears, longer)) {
            rolled.add(day.get());
        }

        LocalDate oldest = rows.stream().map(r -> LocalDate.ofInstant(r.createdAt(), ZoneOffset.UTC)).min(
                LocalDate::compareTo).orElseThrow();
        List<LocalDate> due = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(now().minus(DailyRollup.SETTLE), ZoneOffset.UTC).minusDays(1);
             !day.isBefore(oldest); day = day.minusDays(1)) {
            due.add(day);
        }
        assertEquals(due, rolled, "every settled day with rows, newest first, and none before the oldest row");
        Instant since = now().minus(Duration.ofDays(5));
        List<Object> expected = fromRows(since, LedgerScope.EVERYONE);
        assertTrue(rollup.period(since).rolled());
        assertEquals(expected, analytics(since, LedgerScope.EVERYONE));
    }

    @Test
    void aRowWrittenAfterItsDayWasRolledUpIsCounted() {
        appendDays(4, 20);
        Instant since = now().minus(Duration.ofDays(4));
        for (int read = 0; read < 5; read++) {
            analytics(since, LedgerScope.EVERYONE);
        }
        LedgerEntry late = row(now().minus(Duration.ofDays(2)));
        ledger.append(late); // from the outbox, after a ledger outage

        assertEquals(fromRows(since, LedgerScope.EVERYONE), analytics(since, LedgerScope.EVERYONE));
        assertEquals(fromRows(since, LedgerScope.of(late.principal())), analytics(since, LedgerScope.of(late.principal())));
    }

    @Test
    void todayAndDaysNotYetSettledAreReadFromTheRows() {
        Instant now = now();
        DailyRollup rollup = new DailyRollup(bean(JdbcOperations.class),
                SharedTestClock.CLOCK);

        LedgerPeriod today = rollup.period(now.minus(Duration.ofHours(1)));
        LedgerPeriod week = rollup.period(now.minus(Duration.ofDays(7)));

        assertFalse(today.rolled());
        assertEquals(today.since(), today.rolledTo(), "the whole hour from request_log");
        assertTrue(week.rolled(), "yesterday, settled, was rolled by this read");
        assertTrue(!week.rolledTo().isAfter(now.minus(DailyRollup.SETTLE)), week.toString());
    }

    @Test
    void aRollThatFailsLeavesThePeriodToTheRows() {
        appendDays(3, 10);
        Instant since = now().minus(Duration.ofDays(3));
        bean(JdbcOperations.class).execute(c -> {
            try (var drop = c.createStatement()) {
                drop.execute("DROP TABLE request_day");
            }
            return null;
        });
        DailyRollup rollup = new DailyRollup(bean(JdbcOperations.class), SharedTestClock.CLOCK);

        LedgerPeriod period = rollup.period(since);

        assertFalse(period.rolled(), period.toString());
        assertEquals(since, period.rolledTo(), "the whole period from request_log");
    }
}
