package dev.switchboard.service;

import dev.switchboard.api.RoutingMetricsResponse;
import dev.switchboard.api.StatsResponse;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.StrategyStat;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Analytics over the ledger: seed 001's routing metrics and the overall stats. */
@Singleton
public class MetricsService {

    public static final int MAX_DAYS = 3650;

    private final RequestLedger ledger;
    private final LedgerRetention retention;

    public MetricsService(RequestLedger ledger, LedgerRetention retention) {
        this.ledger = ledger;
        this.retention = retention;
    }

    /**
     * The caller's own requests (everyone's for the admin) over the last {@code days} days, or as many as
     * the ledger keeps ({@link LedgerRetention}).
     */
    public RoutingMetricsResponse routingMetrics(int days, Caller caller) {
        Instant since = retention.since(days);
        LedgerScope scope = caller.ledgerScope();
        LedgerStats stats = LedgerCalls.of(() -> ledger.stats(since, scope));
        List<StrategyStat> strategies = LedgerCalls.of(() -> ledger.byStrategy(since, scope));
        List<ConfidenceStat> confidences = LedgerCalls.of(() -> ledger.byConfidence(since, scope));
        double intelligent = usd(stats.intelligentCost());
        double baseline = usd(stats.baselineCost());
        double saved = usd(stats.baselineCost().subtract(stats.intelligentCost()));
        double percent = stats.baselineCost().signum() == 0 ? 0.0
                : stats.baselineCost().subtract(stats.intelligentCost()).multiply(BigDecimal.valueOf(100))
                .divide(stats.baselineCost(), 1, RoundingMode.HALF_UP).doubleValue();
        return new RoutingMetricsResponse(
                new RoutingMetricsResponse.CostSavings(saved, percent, intelligent, baseline, retention.days(days)),
                strategies.stream().map(MetricsService::strategy).toList(),
                confidences.stream().map(MetricsService::confidence).toList());
    }

    /**
     * The caller's own requests (everyone's for the admin) over the last {@code days} days, or as many as
     * the ledger keeps ({@link LedgerRetention}).
     */
    public StatsResponse stats(int days, Caller caller) {
        Instant since = retention.since(days);
        LedgerScope scope = caller.ledgerScope();
        LedgerStats s = LedgerCalls.of(() -> ledger.stats(since, scope));
        List<ErrorTypeStat> errors = LedgerCalls.of(() -> ledger.errorsByType(since, scope));
        List<ProviderStat> providers = LedgerCalls.of(() -> ledger.byProvider(since, scope));
        Map<String, Long> errorsByType = new LinkedHashMap<>();
        errors.forEach(e -> errorsByType.put(e.errorType(), e.count()));
        // The errors are counted from the same read as their types, so that the two agree under live traffic
        // (the stats' own count comes from another statement, which sees rows committed in between).
        long errorCount = errors.stream().mapToLong(ErrorTypeStat::count).sum();
        return new StatsResponse(retention.days(days), s.requests(), errorCount, errorsByType, s.cacheHits(),
                s.fallbacks(), s.unpriced(), usd(s.intelligentCost()), usd(s.baselineCost()),
                providers.stream().map(p -> new StatsResponse.ByProvider(p.provider(), p.model(),
                        p.count(), p.tokensIn(), p.tokensOut(), usdOrNull(p.cost()),
                        Math.round(p.avgLatencyMs() * 10) / 10.0, p.cachedTokensIn(), p.cacheWriteTokensIn()))
                        .toList());
    }

    private static RoutingMetricsResponse.ByStrategy strategy(StrategyStat s) {
        double highPct = s.count() == 0 ? 0.0 : Math.round(1000.0 * s.highConfidence() / s.count()) / 10.0;
        return new RoutingMetricsResponse.ByStrategy(s.strategy(), s.count(), usdOrNull(s.avgCost()), highPct);
    }

    private static RoutingMetricsResponse.ByConfidence confidence(ConfidenceStat c) {
        return new RoutingMetricsResponse.ByConfidence(c.confidence(), c.count(), usdOrNull(c.avgCost()));
    }

    /** Dollars to ten decimal places: the ledger's own precision; a sum over no rows is $0. */
    private static double usd(BigDecimal value) {
        return value == null ? 0.0 : value.setScale(10, RoundingMode.HALF_UP).doubleValue();
    }

    /** As {@link #usd}, but null stays null: an average or sum over no priced answer is unknown, not $0. */
    private static Double usdOrNull(BigDecimal value) {
        return value == null ? null : usd(value);
    }
}
