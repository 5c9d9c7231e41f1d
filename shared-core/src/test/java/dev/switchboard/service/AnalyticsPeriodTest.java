package dev.switchboard.service;

import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.RatingBar;
import dev.switchboard.ledger.StrategyQuality;
import dev.switchboard.ledger.StrategyStat;
import dev.switchboard.ledger.TierShare;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every analytics endpoint's period reaches back no further than the ledger keeps rows, and says so. */
class AnalyticsPeriodTest {

    private final MutableClock clock = new MutableClock();
    private final LedgerRetention kept = new LedgerRetention(31, clock);

    /** Answers every analytics query with nothing, and notes the start of each period it was asked for. */
    private static final class PeriodLedger extends ListLedger {
        final Set<Instant> since = new HashSet<>();

        private <T> T asked(Instant from, T answer) {
            since.add(from);
            return answer;
        }

        @Override
        public LedgerStats stats(Instant from, LedgerScope scope) {
            return asked(from, new LedgerStats(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
        }

        @Override
        public List<ErrorTypeStat> errorsByType(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public List<StrategyStat> byStrategy(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public List<ConfidenceStat> byConfidence(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public List<ProviderStat> byProvider(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public CacheStats cacheStats(Instant from, LedgerScope scope) {
            return asked(from, new CacheStats(0, 0, 0, BigDecimal.ZERO));
        }

        @Override
        public QualityTotals qualityTotals(Instant from, LedgerScope scope) {
            return asked(from, new QualityTotals(0, 0, null, 0, null));
        }

        @Override
        public List<StrategyQuality> qualityByStrategy(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public List<RatedDeployment> wellRatedByCost(Instant from, RatingBar bar, LedgerScope scope) {
            return asked(from, List.of());
        }

        @Override
        public TierShare tierShare(Instant from, LedgerScope scope) {
            return asked(from, new TierShare(0, 0));
        }

        @Override
        public List<FallbackCause> fallbackCauses(Instant from, LedgerScope scope) {
            return asked(from, List.of());
        }
    }

    @Test
    void aYearAskedOfALedgerThatKeeps31DaysIs31DaysEverywhere() {
        PeriodLedger ledger = new PeriodLedger();

        assertEquals(31, new MetricsService(ledger, kept).stats(365, Caller.ANONYMOUS).periodDays());
        assertEquals(31, new MetricsService(ledger, kept).routingMetrics(365, Caller.ANONYMOUS).costSavings().periodDays());
        assertEquals(31, new QualityStatsService(ledger, kept).qualityStats(365, Caller.ANONYMOUS).periodDays());
        assertEquals(31, new InsightsService(ledger, kept).insights(365, Caller.ANONYMOUS).periodDays());
        assertEquals(31, new CacheStatsService(ledger, CacheSettings.defaults(), kept)
                .cacheStats(365, Caller.ANONYMOUS).periodDays());

        assertEquals(Set.of(clock.instant().minus(Duration.ofDays(31))), ledger.since, "every query's period");
    }
}
