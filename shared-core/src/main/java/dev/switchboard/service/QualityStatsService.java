package dev.switchboard.service;

import dev.switchboard.api.QualityStatsResponse;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.StrategyQuality;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/** GET /quality/stats: the feedback in the ledger, overall, per deployment and per strategy. */
@Singleton
public class QualityStatsService {

    public static final int DEFAULT_DAYS = 7;

    private final RequestLedger ledger;
    private final LedgerRetention retention;

    public QualityStatsService(RequestLedger ledger, LedgerRetention retention) {
        this.ledger = ledger;
        this.retention = retention;
    }

    /**
     * The caller's own feedback (everyone's for the admin) over the last {@code days} days, 1 to
     * {@link MetricsService#MAX_DAYS}, or as many as the ledger keeps ({@link LedgerRetention}).
     */
    public QualityStatsResponse qualityStats(int days, Caller caller) {
        Instant since = retention.since(days);
        LedgerScope scope = caller.ledgerScope();
        QualityTotals totals = LedgerCalls.of(() -> ledger.qualityTotals(since, scope));
        List<ProviderQuality> providers = LedgerCalls.of(() -> ledger.qualityByProvider(since, scope));
        List<StrategyQuality> strategies = LedgerCalls.of(() -> ledger.qualityByStrategy(since, scope));
        return new QualityStatsResponse(retention.days(days), totals.feedback(), totals.ratings(), round(totals.avgRating()),
                totals.scores(), round(totals.avgQualityScore()),
                providers.stream().map(q -> new QualityStatsResponse.ByProvider(q.provider(),
                        q.model(), q.feedback(), q.ratings(), round(q.avgRating()), q.scores(),
                        round(q.avgQualityScore()))).toList(),
                strategies.stream().map(q -> new QualityStatsResponse.ByStrategy(q.strategy(),
                        q.feedback(), q.ratings(), round(q.avgRating()), q.scores(),
                        round(q.avgQualityScore()))).toList());
    }

    /** Four decimal places: enough for a mean of ratings or scores. */
    static Double round(Double value) {
        return value == null ? null : Math.round(value * 10_000) / 10_000.0;
    }
}
