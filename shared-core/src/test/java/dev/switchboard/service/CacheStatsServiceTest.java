package dev.switchboard.service;

import dev.switchboard.api.CacheStatsResponse;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.LedgerEntries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CacheStatsServiceTest {

    private final CoreFixture fixture = new CoreFixture();
    private final CacheStatsService service = new CacheStatsService(fixture.ledger,
            CacheSettings.defaults().withTtl(Duration.ofMinutes(10)), LedgerRetention.everything(fixture.clock));

    @Test
    void reportsHitsMissesTheRateAndTheBaselineCostAvoidedOverThePeriod() {
        Instant anHourAgo = CoreFixture.NOW.minusSeconds(3600);
        fixture.ledger.append(hit(LedgerEntries.ok(anHourAgo).costs("0", "0.0001000000").build()));
        fixture.ledger.append(LedgerEntries.ok(anHourAgo).build());
        fixture.ledger.append(LedgerEntries.ok(anHourAgo).build());
        fixture.ledger.append(hit(LedgerEntries.ok(CoreFixture.NOW.minus(Duration.ofDays(3))).build()));

        CacheStatsResponse today = service.cacheStats(1, Caller.ANONYMOUS);
        CacheStatsResponse week = service.cacheStats(7, Caller.ANONYMOUS);

        assertEquals(new CacheStatsResponse(1, true, 600, 1, 2, 0, 0.3333, 0.0001), today);
        assertEquals(2, week.hits());
        assertEquals(0.5, week.hitRate());
        assertEquals(0.0002, week.baselineCostAvoidedUsd(), 1e-12);
    }

    @Test
    void theRateIsNullWithoutRequestsAndTheSettingsAreReported() {
        CacheStatsService off = new CacheStatsService(fixture.ledger,
                new CacheSettings(false, Duration.ofHours(2), 8192, 350_000), LedgerRetention.everything(fixture.clock));

        CacheStatsResponse stats = off.cacheStats(1, Caller.ANONYMOUS);

        assertNull(stats.hitRate());
        assertEquals(0, stats.hits() + stats.misses());
        assertFalse(stats.enabled());
        assertEquals(7200, stats.ttlSeconds());
        assertThrows(IllegalArgumentException.class, () -> service.cacheStats(0, Caller.ANONYMOUS));
        assertThrows(IllegalArgumentException.class, () -> service.cacheStats(MetricsService.MAX_DAYS + 1, Caller.ANONYMOUS));
    }

    @Test
    void aPeriodLongerThanTheLedgerKeepsItsRowsCoversTheDaysKeptAndSaysSo() {
        CacheStatsService kept = new CacheStatsService(fixture.ledger, CacheSettings.defaults(),
                new LedgerRetention(31, fixture.clock));
        fixture.ledger.append(hit(LedgerEntries.ok(CoreFixture.NOW.minus(Duration.ofDays(20))).build()));
        fixture.ledger.append(hit(LedgerEntries.ok(CoreFixture.NOW.minus(Duration.ofDays(40))).build()));

        CacheStatsResponse year = kept.cacheStats(365, Caller.ANONYMOUS);

        assertEquals(31, year.periodDays());
        assertEquals(1, year.hits(), "the 40-day-old row is past the retention, whether or not it was deleted yet");
        assertEquals(7, kept.cacheStats(7, Caller.ANONYMOUS).periodDays());
    }

    private static LedgerEntry hit(LedgerEntry e) {
        return new LedgerEntry(e.id(), e.createdAt(), e.principal(), e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(), e.cost(),
                e.baselineCost(), e.priced(), e.latencyMs(), true, e.fallbackUsed(), e.attempts(), e.status(),
                e.errorType());
    }
}
