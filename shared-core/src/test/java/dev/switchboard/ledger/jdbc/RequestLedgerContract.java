package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.StrategyStat;
import dev.switchboard.testsupport.LedgerEntries;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.jdbc.DataSourceResolver;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every ledger database must do, run against each one: the Flyway migration applies, rows
 * are written, and the analytics SQL aggregates them exactly.
 */
abstract class RequestLedgerContract extends LedgerContextContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void theStartedLedgerIsAtTheNewestSchemaVersionSoTheNextStartRunsNoMigration() {
        assertTrue(LedgerMigrations.upToDate(bean(DataSourceResolver.class).resolve(bean(DataSource.class))));
    }

    @Test
    void aggregatesCostsAndSavingsOverThePeriod() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(60));
        ledger.append(entry.costs("0.0000100000", "0.0001000000").build());
        ledger.append(entry.costs("0.0000300000", "0.0002000000").build());
        ledger.append(entry.failed().build());
        // A cut stream was billed for its part answer: its cost and its baseline both count, or the savings lie.
        ledger.append(entry.costs("0.0000200000", "0.0002000000").unfinished().build());
        ledger.append(LedgerEntries.ok(NOW.minusSeconds(40 * 86_400)).build());

        LedgerStats stats = ledger.stats(NOW.minusSeconds(7 * 86_400), LedgerScope.EVERYONE);

        assertEquals(4, stats.requests());
        assertEquals(2, stats.errors());
        assertEquals(1, stats.fallbacks());
        assertEquals(0, new BigDecimal("0.00006").compareTo(stats.intelligentCost()), stats.toString());
        assertEquals(0, new BigDecimal("0.0005").compareTo(stats.baselineCost()), stats.toString());
    }

    @Test
    void aPrincipalsScopeReadsItsOwnRowsAndEveryonesReadsAll() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(60));
        ledger.append(entry.build("alice"));
        ledger.append(entry.build("alice"));
        ledger.append(entry.strategy("hybrid", "high").costs("0.0010000000", "0.0020000000").build("bob"));
        Instant since = NOW.minusSeconds(3_600);

        assertEquals(3, ledger.stats(since, LedgerScope.EVERYONE).requests());
        assertEquals(2, ledger.stats(since, LedgerScope.of("alice")).requests());
        assertEquals(0, new BigDecimal("0.00002").compareTo(ledger.stats(since, LedgerScope.of("alice")).intelligentCost()));
        assertEquals(List.of("hybrid"), ledger.byStrategy(since, LedgerScope.of("bob")).stream()
                .map(StrategyStat::strategy).toList());
        assertEquals("high", ledger.byConfidence(since, LedgerScope.of("bob")).get(0).confidence());
        assertEquals(2, ledger.byProvider(since, LedgerScope.of("alice")).get(0).count());
        assertEquals(2, ledger.cacheStats(since, LedgerScope.of("alice")).misses());
        assertEquals(0, ledger.stats(since, LedgerScope.of("carol")).requests());
    }

    @Test
    void countsFailuresByTheirTypeTheMostFrequentFirstInTheCallersScope() {
        Instant at = NOW.minusSeconds(60);
        ledger.append(LedgerEntries.ok(at).build("alice"));
        ledger.append(failed(at, "alice", "budget_exceeded"));
        ledger.append(failed(at, "alice", "timeout"));
        ledger.append(failed(at, "alice", "timeout"));
        ledger.append(failed(at, "bob", "budget_exceeded"));
        ledger.append(failed(at, "bob", "budget_exceeded"));
        ledger.append(LedgerEntries.ok(at).unfinished().build("bob")); // a broken stream: failed, with its deployment
        Instant since = NOW.minusSeconds(3_600);

        assertEquals(List.of(new ErrorTypeStat("budget_exceeded", 3), new ErrorTypeStat("timeout", 2),
                new ErrorTypeStat("no_provider_available", 1)), ledger.errorsByType(since, LedgerScope.EVERYONE));
        assertEquals(List.of(new ErrorTypeStat("timeout", 2), new ErrorTypeStat("budget_exceeded", 1)),
                ledger.errorsByType(since, LedgerScope.of("alice")));
        assertEquals(ledger.stats(since, LedgerScope.EVERYONE).errors(), ledger.errorsByType(since,
                LedgerScope.EVERYONE).stream().mapToLong(ErrorTypeStat::count).sum(), "the same failures");
        assertTrue(ledger.errorsByType(since, LedgerScope.of("carol")).isEmpty());
    }

    private static LedgerEntry failed(Instant at, String principal, String errorType) {
        return new LedgerEntry(java.util.UUID.randomUUID().toString(), at, principal, "complete", "complexity",
                "medium", "general", 0.2, null, null, 10, 0, BigDecimal.ZERO, BigDecimal.ZERO, true, 5, false, false, 0,
                LedgerEntry.ERROR, errorType);
    }

    @Test
    void breaksSuccessfulRequestsDownByStrategyConfidenceAndProvider() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(5));
        ledger.append(entry.strategy("hybrid", "high").build());
        ledger.append(entry.strategy("hybrid", "medium").build());
        ledger.append(entry.strategy("complexity", "medium").build());
        ledger.append(entry.failed().build());
        ledger.append(cacheHit(entry.strategy("complexity", "medium").build()));
        Instant since = NOW.minusSeconds(3600);

        List<StrategyStat> strategies = ledger.byStrategy(since, LedgerScope.EVERYONE);

        assertEquals(List.of("hybrid", "complexity"), strategies.stream().map(StrategyStat::strategy).toList());
        assertEquals(2, strategies.get(0).count());
        assertEquals(1, strategies.get(0).highConfidence());
        assertEquals(0, new BigDecimal("0.00001").compareTo(strategies.get(0).avgCost()));
        assertEquals(2, ledger.byConfidence(since, LedgerScope.EVERYONE).get(0).count());
        assertEquals("medium", ledger.byConfidence(since, LedgerScope.EVERYONE).get(0).confidence());
        assertEquals(3, ledger.byProvider(since, LedgerScope.EVERYONE).get(0).count(), "a cache hit was not served by the provider");
        assertEquals(120.0, ledger.byProvider(since, LedgerScope.EVERYONE).get(0).avgLatencyMs(), 1e-9);
    }

    @Test
    void leavesUnpricedAnswersOutOfCostsAndSavingsAndCountsThem() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(5));
        ledger.append(entry.costs("0.0000200000", "0.0001000000").build());
        ledger.append(entry.unpriced().build());
        Instant since = NOW.minusSeconds(3600);

        LedgerStats stats = ledger.stats(since, LedgerScope.EVERYONE);

        assertEquals(2, stats.requests());
        assertEquals(1, stats.unpriced());
        assertEquals(0, new BigDecimal("0.00002").compareTo(stats.intelligentCost()), stats.toString());
        assertEquals(0, new BigDecimal("0.0001").compareTo(stats.baselineCost()), stats.toString());
        assertEquals(0, new BigDecimal("0.00002").compareTo(ledger.byStrategy(since, LedgerScope.EVERYONE).get(0).avgCost()));
        ProviderStat mystery = ledger.byProvider(since, LedgerScope.EVERYONE).stream().filter(p -> p.model().equals("mystery-model"))
                .findFirst().orElseThrow();
        assertNull(mystery.cost(), "a model without a price costs an unknown amount, not $0");
    }

    @Test
    void aStrategyWhoseAnswersAreAllUnpricedHasNoAverageCost() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(5));
        ledger.append(entry.strategy("cost-based", "medium").unpriced().build());
        Instant since = NOW.minusSeconds(3600);

        assertNull(ledger.byStrategy(since, LedgerScope.EVERYONE).get(0).avgCost());
        assertNull(ledger.byConfidence(since, LedgerScope.EVERYONE).get(0).avgCost());
    }

    @Test
    void countsCacheHitsAndMissesAndTheBaselineCostTheHitsAvoided() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(60));
        ledger.append(cacheHit(entry.costs("0", "0.0001000000").build()));
        ledger.append(cacheHit(entry.costs("0", "0.0000250000").build()));
        ledger.append(cacheHit(entry.unpriced().build()));
        ledger.append(entry.costs("0.0000100000", "0.0002000000").build());
        ledger.append(entry.failed().build());
        ledger.append(cacheHit(LedgerEntries.ok(NOW.minusSeconds(2 * 86_400)).build()));

        CacheStats stats = ledger.cacheStats(NOW.minusSeconds(86_400), LedgerScope.EVERYONE);

        assertEquals(3, stats.hits());
        assertEquals(1, stats.misses(), "the failed request is neither a hit nor a miss");
        assertEquals(0, new BigDecimal("0.000625").compareTo(stats.baselineCostAvoided()), stats.toString());
        CacheStats none = ledger.cacheStats(NOW, LedgerScope.EVERYONE);
        assertEquals(0, none.requests());
        assertEquals(0, none.baselineCostAvoided().signum());
    }

    @Test
    void anAnswerGivenWithoutAskingTheCacheIsBypassedNotAMiss() {
        LedgerEntries entry = LedgerEntries.ok(NOW.minusSeconds(60));
        LedgerEntry stream = cacheAsked(entry.build(), false);
        ledger.append(stream);
        ledger.append(cacheAsked(entry.build(), true));
        ledger.append(entry.build()); // from before the ledger said: a miss, as it always was

        CacheStats stats = ledger.cacheStats(NOW.minusSeconds(86_400), LedgerScope.EVERYONE);

        assertEquals(2, stats.misses());
        assertEquals(1, stats.bypassed());
        assertEquals(2, stats.requests(), "the hit rate's requests are those the cache was asked for");
        assertEquals(Boolean.FALSE, ledger.find(stream.id()).orElseThrow().cacheAsked());
    }

    private static LedgerEntry cacheAsked(LedgerEntry e, boolean asked) {
        return new LedgerEntry(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(), e.cost(),
                e.baselineCost(), e.priced(), e.latencyMs(), e.cacheHit(), e.fallbackUsed(), e.attempts(), e.status(),
                e.errorType(), e.tier(), e.firstChoice(), e.learnerFeatures(), e.learnerOutcome(), e.learnerNote(),
                asked, e.cachedTokensIn(), e.cacheWriteTokensIn());
    }

    /** The same row, answered from the response cache. */
    private static LedgerEntry cacheHit(LedgerEntry e) {
        return new LedgerEntry(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(), e.cost(),
                e.baselineCost(), e.priced(), e.latencyMs(), true, e.fallbackUsed(), e.attempts(), e.status(),
                e.errorType());
    }

    @Test
    void sumsEachDeploymentsPromptCacheReadsAndWritesApartFromItsOtherInputTokens() {
        LedgerEntry plain = LedgerEntries.ok(NOW.minusSeconds(5)).build();
        ledger.append(plain);
        ledger.append(promptCache(LedgerEntries.ok(NOW.minusSeconds(4)).build(), 8, 0));
        ledger.append(promptCache(LedgerEntries.ok(NOW.minusSeconds(3)).build(), 0, 10));
        ledger.append(cacheHit(LedgerEntries.ok(NOW.minusSeconds(2)).build()));

        ProviderStat gemini = ledger.byProvider(NOW.minusSeconds(3600), LedgerScope.EVERYONE).get(0);

        assertEquals(3, gemini.count());
        assertEquals(30, gemini.tokensIn(), "each row has 10 input tokens; the response-cache hit is not counted");
        assertEquals(8, gemini.cachedTokensIn());
        assertEquals(10, gemini.cacheWriteTokensIn());
        assertEquals(0, ledger.find(plain.id()).orElseThrow().cachedTokensIn());
    }

    private static LedgerEntry promptCache(LedgerEntry e, int read, int written) {
        return new LedgerEntry(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(), e.cost(),
                e.baselineCost(), e.priced(), e.latencyMs(), e.cacheHit(), e.fallbackUsed(), e.attempts(), e.status(),
                e.errorType(), e.tier(), e.firstChoice(), e.learnerFeatures(), e.learnerOutcome(), e.learnerNote(),
                e.cacheAsked(), read, written);
    }

    @Test
    void aRowReadsBackAsItWasWrittenInEveryColumnWithNullsAndMicroseconds() {
        LedgerEntry full = new LedgerEntry("0193a1b2-0000-7000-8000-000000000001", NOW.plusNanos(123_456_000),
                "team-a", "chat", "hybrid", "high", "code", 0.7312, "openai", "gpt-4o-mini", 1234, 56,
                new BigDecimal("0.0001234500"), new BigDecimal("0.0012345000"), true, 321, false, true, 2,
                LedgerEntry.OK, null, "economy", "openai/gpt-4o", "1.0,2.5,0.125", "weak_model_failed",
                "the economy model's answer was empty", true, 1024, 128, 245L);
        LedgerEntry sparse = LedgerEntries.ok(NOW).failed().build();

        ledger.append(full);
        ledger.append(sparse);

        assertEquals(full, ledger.find(full.id()).orElseThrow());
        assertEquals(asStored(sparse), ledger.find(sparse.id()).orElseThrow());
    }

    @Test
    void aSecondRowWithTheSameIdIsRefusedAndTheFirstStays() {
        LedgerEntry first = LedgerEntries.ok(NOW).build();
        LedgerEntry again = new LedgerEntry(first.id(), NOW, "someone-else", first.endpoint(), first.strategy(),
                first.confidence(), first.pattern(), first.complexity(), first.provider(), first.model(), 1, 1,
                first.cost(), first.baselineCost(), first.priced(), 1, false, false, 1, first.status(), null);
        ledger.append(first);

        assertThrows(RuntimeException.class, () -> ledger.append(again));

        assertEquals(first, ledger.find(first.id()).orElseThrow());
        assertEquals(1, ledger.stats(NOW.minusSeconds(60), LedgerScope.EVERYONE).requests());
    }

    @Test
    void purgingDeletesTheOldestRowsBeforeTheCutoffABatchAtATimeWithTheirFeedback() {
        Instant cutoff = NOW.minus(Duration.ofDays(40));
        LedgerEntry a = LedgerEntries.ok(NOW.minus(Duration.ofDays(60))).build();
        LedgerEntry b = LedgerEntries.ok(NOW.minus(Duration.ofDays(50))).build();
        LedgerEntry c = LedgerEntries.ok(NOW.minus(Duration.ofDays(45))).build();
        LedgerEntry ratedLately = LedgerEntries.ok(NOW.minus(Duration.ofDays(55))).build();
        LedgerEntry d = LedgerEntries.ok(NOW.minus(Duration.ofDays(10))).build();
        List.of(a, b, c, ratedLately, d).forEach(ledger::append);
        ledger.appendFeedback(new FeedbackEntry("f-a", a.id(), cutoff.minusSeconds(1), "anonymous", 4, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("f-late", ratedLately.id(), cutoff, "anonymous", 2, null, null, null));

        assertEquals(2, ledger.purgeBefore(cutoff, 2));

        assertTrue(ledger.find(a.id()).isEmpty() && ledger.find(b.id()).isEmpty(), "the two oldest");
        assertTrue(ledger.find(ratedLately.id()).isPresent(), "rated at the cutoff: its feedback is read, so it stays");
        assertEquals(1, count("SELECT COUNT(*) FROM feedback"), "a's feedback went with it");
        assertEquals(1, ledger.purgeBefore(cutoff, 2));
        assertEquals(0, ledger.purgeBefore(cutoff, 2));
        assertTrue(ledger.find(c.id()).isEmpty());
        assertEquals(List.of(ratedLately.id(), d.id()).size(), count("SELECT COUNT(*) FROM request_log"));
        assertEquals(1, ledger.qualityTotals(cutoff, LedgerScope.EVERYONE).feedback(),
                "the feedback given within the period is still counted");
    }

    @Test
    void purgingDeletesTheRolledUpDaysBeforeTheCutoffsDayOneAtATime() {
        Instant cutoff = NOW.minus(Duration.ofDays(40));
        LocalDate cutoffDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        for (LocalDate day : List.of(cutoffDay.minusDays(3), cutoffDay.minusDays(1), cutoffDay, cutoffDay.plusDays(5))) {
            rollUp(day);
        }

        assertTrue(ledger.purgeOldestDayBefore(cutoff));
        assertEquals(3, count("SELECT COUNT(*) FROM request_day"), "the oldest day only");
        assertTrue(ledger.purgeOldestDayBefore(cutoff));
        assertFalse(ledger.purgeOldestDayBefore(cutoff), "the cutoff's own day is partly in the period: it stays");
        assertEquals(2, count("SELECT COUNT(*) FROM request_day"));
        assertEquals(2, count("SELECT COUNT(*) FROM request_day_rollup"));
    }

    /**
     * A rolled-up day: one request_day row and its fresh marker, as DailyRollup writes them (in place of the
     * stale marker its rows, written long after their day, left).
     */
    private void rollUp(LocalDate day) {
        bean(JdbcOperations.class).execute(connection -> {
            try (PreparedStatement stale = connection.prepareStatement("DELETE FROM request_day_rollup WHERE utc_day = ?");
                 PreparedStatement row = connection.prepareStatement("INSERT INTO request_day (utc_day, principal,"
                    + " strategy, confidence, status, cache_hit, fallback_used, priced, requests, tokens_in, tokens_out,"
                    + " cost, baseline_cost, latency_ms) VALUES (?, 'anonymous', 'complexity', 'medium', 'ok', FALSE,"
                    + " FALSE, TRUE, 1, 10, 40, 0.00001, 0.0001, 120)");
                 PreparedStatement marker = connection.prepareStatement(
                         "INSERT INTO request_day_rollup (utc_day, rolled_at, stale, rollup_version) VALUES (?, ?, FALSE, "
                                 + DailyRollup.ROLLUP_VERSION + ")")) {
                stale.setObject(1, day);
                stale.executeUpdate();
                row.setObject(1, day);
                row.executeUpdate();
                marker.setObject(1, day);
                marker.setTimestamp(2, Timestamp.from(NOW));
                marker.executeUpdate();
            }
            return null;
        });
    }

    private long count(String sql) {
        return bean(JdbcOperations.class).execute(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Test
    void aBatchInsertsEveryRowAndOneRefusedRowFailsTheWholeBatch() {
        RequestRowInsert insert = new RequestRowInsert(bean(JdbcOperations.class));
        List<LedgerEntry> rows = List.of(LedgerEntries.ok(NOW).build(), LedgerEntries.ok(NOW).failed().build(),
                LedgerEntries.ok(NOW).unpriced().build());

        insert.all(rows);

        for (LedgerEntry row : rows) {
            assertEquals(asStored(row), ledger.find(row.id()).orElseThrow());
        }
        LedgerEntry beforeTheRefusedRow = LedgerEntries.ok(NOW).build();
        assertThrows(RuntimeException.class, () -> insert.all(List.of(beforeTheRefusedRow, rows.get(0))));
        assertEquals(asStored(rows.get(0)), ledger.find(rows.get(0).id()).orElseThrow());
        // Nothing of the refused batch stays, so the rows can be written again one by one.
        assertTrue(ledger.find(beforeTheRefusedRow.id()).isEmpty());
        insert.one(beforeTheRefusedRow);
        assertEquals(4, ledger.stats(NOW.minusSeconds(60), LedgerScope.EVERYONE).requests());
    }

    /** The row as the NUMERIC(20, 10) columns give it back: its costs at scale 10. */
    private static LedgerEntry asStored(LedgerEntry e) {
        return new LedgerEntry(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(),
                e.cost().setScale(10), e.baselineCost().setScale(10), e.priced(), e.latencyMs(), e.cacheHit(),
                e.fallbackUsed(), e.attempts(), e.status(), e.errorType(), e.tier(), e.firstChoice(),
                e.learnerFeatures(), e.learnerOutcome(), e.learnerNote(), e.cacheAsked(), e.cachedTokensIn(),
                e.cacheWriteTokensIn(), e.firstChunkMs());
    }

    @Test
    void anEmptyLedgerReportsZeroes() {
        LedgerStats stats = ledger.stats(NOW.minusSeconds(60), LedgerScope.EVERYONE);

        assertEquals(0, stats.requests());
        assertEquals(0, stats.intelligentCost().signum());
        assertTrue(ledger.byStrategy(NOW.minusSeconds(60), LedgerScope.EVERYONE).isEmpty());
    }
}
