package dev.switchboard.ledger.jdbc;

/**
 * The rows of an analytics period ({@link LedgerPeriod}), as the table the queries aggregate: the rolled
 * days' sums from request_day and, before and after them, request_log's rows, each a group of one. Every
 * query sums {@code requests} where it counted rows, and divides sums where it averaged, so that a rolled
 * day and its rows give the same figures. Its parameters: {@code :since}, {@code :fromDay},
 * {@code :toDay}, {@code :rolledFrom}, {@code :rolledTo} and {@code :principal} (null for everyone's).
 * Each part is its own range on its own index: one OR over the ranges would scan request_log's whole
 * period and filter.
 */
final class PeriodRows {

    private static final String COLUMNS = "principal, strategy, confidence, provider, model, tier, first_choice, "
            + "status, error_type, cache_hit, fallback_used, priced, cache_asked, ";
    private static final String SUMS = "tokens_in, tokens_out, cost, baseline_cost, latency_ms, cached_tokens_in, "
            + "cache_write_tokens_in";
    private static final String PRINCIPAL = " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR principal = :principal)";

    static final String ROWS = "(SELECT " + COLUMNS + "requests, " + SUMS + " FROM request_day"
            + " WHERE utc_day >= :fromDay AND utc_day < :toDay" + PRINCIPAL
            + " UNION ALL SELECT " + COLUMNS + "CAST(1 AS BIGINT), " + SUMS + " FROM request_log"
            + " WHERE created_at >= :since AND created_at < :rolledFrom" + PRINCIPAL
            + " UNION ALL SELECT " + COLUMNS + "CAST(1 AS BIGINT), " + SUMS + " FROM request_log"
            + " WHERE created_at >= :rolledTo" + PRINCIPAL + ") r";

    private PeriodRows() {
    }
}
