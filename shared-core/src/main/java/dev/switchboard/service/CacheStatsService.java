package dev.switchboard.service;

import dev.switchboard.api.CacheStatsResponse;
import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.CacheSettings;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The response cache's record from the ledger, with the cache's current settings beside it. */
@Singleton
public class CacheStatsService {

    public static final int DEFAULT_DAYS = 1;

    private final RequestLedger ledger;
    private final CacheSettings settings;
    private final Clock clock;

    public CacheStatsService(RequestLedger ledger, CacheSettings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The caller's own requests (everyone's for the admin) over the last {@code days} days, 1 to
     * {@link MetricsService#MAX_DAYS}.
     */
    public CacheStatsResponse cacheStats(int days, Caller caller) {
        if (days < 1 || days > MetricsService.MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MetricsService.MAX_DAYS + ": " + days);
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        CacheStats stats = LedgerCalls.of(() -> ledger.cacheStats(since, caller.ledgerScope()));
        Double hitRate = stats.requests() == 0 ? null
                : BigDecimal.valueOf(stats.hits()).divide(BigDecimal.valueOf(stats.requests()), 4, RoundingMode.HALF_UP)
                .doubleValue();
        return new CacheStatsResponse(days, settings.enabled(), settings.ttl().toSeconds(), stats.hits(),
                stats.misses(), stats.bypassed(), hitRate, usd(stats.baselineCostAvoided()));
    }

    /** Dollars to ten decimal places: the ledger's own precision. */
    private static double usd(BigDecimal value) {
        return value == null ? 0.0 : value.setScale(10, RoundingMode.HALF_UP).doubleValue();
    }
}
