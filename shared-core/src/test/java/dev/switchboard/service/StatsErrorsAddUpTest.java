package dev.switchboard.service;

import dev.switchboard.api.StatsResponse;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** /stats' errors are the sum of errors_by_type, even when a failed request lands between the two reads. */
class StatsErrorsAddUpTest {

    /** A ledger whose failure committed after the stats' read and before the types' read. */
    private static final class RacedLedger extends ListLedger {
        @Override
        public LedgerStats stats(Instant from, LedgerScope scope) {
            return new LedgerStats(40, 12, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        }

        @Override
        public List<ErrorTypeStat> errorsByType(Instant from, LedgerScope scope) {
            return List.of(new ErrorTypeStat("timeout", 8), new ErrorTypeStat("budget_exceeded", 5));
        }

        @Override
        public List<ProviderStat> byProvider(Instant from, LedgerScope scope) {
            return List.of();
        }
    }

    @Test
    void theErrorsAreCountedFromTheSameReadAsTheirTypes() {
        StatsResponse stats = new MetricsService(new RacedLedger(), new LedgerRetention(0, new MutableClock()))
                .stats(7, Caller.ANONYMOUS);

        assertEquals(Map.of("timeout", 8L, "budget_exceeded", 5L), stats.errorsByType());
        assertEquals(13, stats.errors());
        assertEquals(40, stats.totalRequests());
    }
}
