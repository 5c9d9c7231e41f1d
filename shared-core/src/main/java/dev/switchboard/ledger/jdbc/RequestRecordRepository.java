package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.StrategyStat;
import dev.switchboard.ledger.TierShare;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes and aggregates request_log. The aggregates are plain, portable SQL so that the same
 * queries run on H2 locally and on PostgreSQL in production (both are tested). Requests answered
 * by a model without a price are counted apart and left out of costs, averages and savings: their
 * cost is unknown, and counting it as $0 would overstate the savings. Cache hits count in the totals
 * and savings (the gateway saved their whole cost) but not per strategy, confidence or provider,
 * which describe the requests that were routed and served. Each aggregate reads one principal's rows,
 * or everyone's when {@code principal} is null, over a {@link LedgerPeriod}'s {@link PeriodRows}.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RequestRecordRepository extends CrudRepository<RequestRecord, String> {

    @Query("SELECT COALESCE(SUM(requests), 0) AS requests,"
            + " COALESCE(SUM(CASE WHEN status <> 'ok' THEN requests ELSE 0 END), 0) AS errors,"
            + " COALESCE(SUM(CASE WHEN cache_hit THEN requests ELSE 0 END), 0) AS cache_hits,"
            + " COALESCE(SUM(CASE WHEN fallback_used THEN requests ELSE 0 END), 0) AS fallbacks,"
            + " COALESCE(SUM(CASE WHEN status = 'ok' AND NOT priced THEN requests ELSE 0 END), 0) AS unpriced,"
            + " COALESCE(SUM(CASE WHEN priced THEN cost ELSE 0 END), 0) AS intelligent_cost,"
            + " COALESCE(SUM(CASE WHEN priced THEN baseline_cost ELSE 0 END), 0) AS baseline_cost"
            + " FROM " + PeriodRows.ROWS)
    LedgerStats stats(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT COALESCE(error_type, '" + ErrorTypeStat.UNRECORDED + "') AS error_type, SUM(requests) AS count"
            + " FROM " + PeriodRows.ROWS + " WHERE status <> 'ok'"
            + " GROUP BY COALESCE(error_type, '" + ErrorTypeStat.UNRECORDED + "') ORDER BY count DESC, error_type")
    List<ErrorTypeStat> errorsByType(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom,
                                     Instant rolledTo, @Nullable String principal);

    @Query("SELECT strategy, SUM(requests) AS count,"
            + " SUM(CASE WHEN priced THEN cost END) / SUM(CASE WHEN priced THEN requests END) AS avg_cost,"
            + " SUM(CASE WHEN confidence = 'high' THEN requests ELSE 0 END) AS high_confidence"
            + " FROM " + PeriodRows.ROWS + " WHERE status = 'ok' AND NOT cache_hit"
            + " GROUP BY strategy ORDER BY count DESC, strategy")
    List<StrategyStat> byStrategy(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT confidence, SUM(requests) AS count,"
            + " SUM(CASE WHEN priced THEN cost END) / SUM(CASE WHEN priced THEN requests END) AS avg_cost"
            + " FROM " + PeriodRows.ROWS + " WHERE status = 'ok' AND NOT cache_hit"
            + " GROUP BY confidence ORDER BY count DESC, confidence")
    List<ConfidenceStat> byConfidence(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT provider, model, SUM(requests) AS count, SUM(tokens_in) AS tokens_in,"
            + " SUM(tokens_out) AS tokens_out, SUM(CASE WHEN priced THEN cost END) AS cost,"
            + " CAST(SUM(latency_ms) AS DOUBLE PRECISION) / SUM(requests) AS avg_latency_ms,"
            + " SUM(cached_tokens_in) AS cached_tokens_in, SUM(cache_write_tokens_in) AS cache_write_tokens_in"
            + " FROM " + PeriodRows.ROWS + " WHERE status = 'ok' AND provider IS NOT NULL AND NOT cache_hit"
            + " GROUP BY provider, model ORDER BY count DESC, provider, model")
    List<ProviderStat> byProvider(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT COALESCE(SUM(CASE WHEN cache_hit THEN requests ELSE 0 END), 0) AS hits,"
            + " COALESCE(SUM(CASE WHEN NOT cache_hit AND status = 'ok' AND COALESCE(cache_asked, TRUE) THEN requests"
            + " ELSE 0 END), 0) AS misses,"
            + " COALESCE(SUM(CASE WHEN NOT cache_hit AND status = 'ok' AND NOT cache_asked THEN requests"
            + " ELSE 0 END), 0) AS bypassed,"
            + " COALESCE(SUM(CASE WHEN cache_hit THEN baseline_cost ELSE 0 END), 0) AS baseline_cost_avoided"
            + " FROM " + PeriodRows.ROWS)
    CacheStats cacheStats(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT COALESCE(SUM(requests), 0) AS routed,"
            + " COALESCE(SUM(CASE WHEN tier = 'economy' THEN requests ELSE 0 END), 0) AS economy"
            + " FROM " + PeriodRows.ROWS + " WHERE status = 'ok' AND NOT cache_hit AND tier IS NOT NULL")
    TierShare tierShare(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);

    @Query("SELECT first_choice AS deployment, SUM(requests) AS fallbacks"
            + " FROM " + PeriodRows.ROWS + " WHERE fallback_used AND first_choice IS NOT NULL"
            + " GROUP BY first_choice ORDER BY fallbacks DESC, deployment")
    List<FallbackCause> fallbackCauses(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom, Instant rolledTo,
                   @Nullable String principal);
}
