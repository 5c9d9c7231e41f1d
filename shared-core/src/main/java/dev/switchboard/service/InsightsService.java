package dev.switchboard.service;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.api.InsightsResponse;
import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.RatingBar;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.TierShare;
import jakarta.inject.Singleton;

import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * GET /insights: facts the ledger's SQL finds over a period, each with its numbers; the sentence that
 * goes with a fact is made from those numbers only.
 */
@Singleton
public class InsightsService {

    public static final int DEFAULT_DAYS = 7;
    /**
     * "Well rated": ratings that average at least 4 of 5 ("good"), quality scores (when given) at least
     * 0.75, the same mark on their scale, and ten rated requests and priced answers or more.
     */
    public static final RatingBar WELL_RATED = new RatingBar(4.0, 0.75, 10);

    private final RequestLedger ledger;
    private final LedgerRetention retention;

    public InsightsService(RequestLedger ledger, LedgerRetention retention) {
        this.ledger = ledger;
        this.retention = retention;
    }

    /**
     * From the caller's own requests and feedback (everyone's for the admin) over the last {@code days} days,
     * or as many as the ledger keeps ({@link LedgerRetention}).
     */
    public InsightsResponse insights(int days, Caller caller) {
        Instant since = retention.since(days);
        LedgerScope scope = caller.ledgerScope();
        return new InsightsResponse(retention.days(days), cheapestWellRated(since, scope), economyShare(since, scope),
                topFallbackCause(since, scope), cacheHitRate(since, scope));
    }

    private InsightsResponse.CheapestWellRated cheapestWellRated(Instant since, LedgerScope scope) {
        List<RatedDeployment> rated = LedgerCalls.of(() -> ledger.wellRatedByCost(since, WELL_RATED, scope));
        if (rated.isEmpty()) {
            return null;
        }
        RatedDeployment best = rated.get(0);
        double avgCost = best.avgCost().setScale(10, RoundingMode.HALF_UP).doubleValue();
        double avgRating = QualityStatsService.round(best.avgRating());
        return new InsightsResponse.CheapestWellRated(best.provider(), best.model(), avgRating, best.ratings(),
                WELL_RATED.minAvgRating(), WELL_RATED.minRequests(), avgCost, best.requests(), rated.size(),
                String.format(Locale.ROOT, "%s/%s is the cheapest of %d deployment(s) whose ratings average %.1f or "
                                + "more over %d or more rated requests: mean rating %.2f over %d rated request(s), "
                                + "mean cost $%.10f over %d priced answer(s)", best.provider(), best.model(),
                        rated.size(), WELL_RATED.minAvgRating(), WELL_RATED.minRequests(), avgRating, best.ratings(),
                        avgCost, best.requests()));
    }

    private InsightsResponse.EconomyShare economyShare(Instant since, LedgerScope scope) {
        TierShare tiers = LedgerCalls.of(() -> ledger.tierShare(since, scope));
        if (tiers.routed() == 0) {
            return null;
        }
        double share = share(tiers.economy(), tiers.routed());
        return new InsightsResponse.EconomyShare(tiers.routed(), tiers.economy(), share, String.format(Locale.ROOT,
                "%d of %d answered requests (%.1f%%) were answered by an economy deployment", tiers.economy(),
                tiers.routed(), share * 100));
    }

    private InsightsResponse.TopFallbackCause topFallbackCause(Instant since, LedgerScope scope) {
        List<FallbackCause> causes = LedgerCalls.of(() -> ledger.fallbackCauses(since, scope));
        if (causes.isEmpty()) {
            return null;
        }
        FallbackCause top = causes.get(0);
        long total = causes.stream().mapToLong(FallbackCause::fallbacks).sum();
        return new InsightsResponse.TopFallbackCause(top.deployment(), top.fallbacks(), total,
                String.format(Locale.ROOT, "%s was the failing first choice in %d of the %d requests that fell back",
                        top.deployment(), top.fallbacks(), total));
    }

    private InsightsResponse.CacheHitRate cacheHitRate(Instant since, LedgerScope scope) {
        CacheStats cache = LedgerCalls.of(() -> ledger.cacheStats(since, scope));
        if (cache.requests() == 0) {
            return null;
        }
        double rate = share(cache.hits(), cache.requests());
        return new InsightsResponse.CacheHitRate(cache.hits(), cache.misses(), rate, String.format(Locale.ROOT,
                "%d of %d answered requests (%.1f%%) came from the response cache", cache.hits(), cache.requests(),
                rate * 100));
    }

    private static double share(long part, long whole) {
        return Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
