package dev.switchboard.service;

import dev.switchboard.api.CacheStatsResponse;
import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.CacheSettings;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The response cache's record from the ledger, with the cache's current settings beside it. */
@Singleton
public class CacheStatsService {

    public static final int DEFAULT_DAYS = 1;

    private final RequestLedger ledger;
    private final CacheSettings settings;
    private final LedgerRetention retention;

    public CacheStatsService(RequestLedger ledger, CacheSettings settings, LedgerRetention retention) {
        this.ledger = ledger;
        this.settings = settings;
        this.retention = retention;
    }

    /**
     * The caller's own requests (everyone's for the admin) over the last {@code days} days, 1 to
     * {@link MetricsService#MAX_DAYS}, or as many as the ledger keeps ({@link LedgerRetention}).
     */
    public CacheStatsResponse cacheStats(int days, Caller caller) {
        Instant since = retention.since(days);
        CacheStats stats = LedgerCalls.of(() -> ledger.cacheStats(since, caller.ledgerScope()));
        Double hitRate = stats.requests() == 0 ? null
                : BigDecimal.valueOf(stats.hits()).divide(BigDecimal.valueOf(stats.requests()), 4, RoundingMode.HALF_UP)
                .doubleValue();
        return new CacheStatsResponse(retention.days(days), settings.enabled(), settings.ttl().toSeconds(), stats.hits(),
                stats.misses(), stats.bypassed(), hitRate, usd(stats.baselineCostAvoided()));
    }

    /** Dollars to ten decimal places: the ledger's own precision. */
    private static double usd(BigDecimal value) {
        return value == null ? 0.0 : value.setScale(10, RoundingMode.HALF_UP).doubleValue();
    }
}
