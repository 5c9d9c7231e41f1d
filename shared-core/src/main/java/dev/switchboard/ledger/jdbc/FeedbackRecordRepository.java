package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.StrategyQuality;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes feedback and aggregates it with the rows of the requests it is about. Portable SQL, as in
 * {@link RequestRecordRepository}: ratings are cast before averaging so that both databases give a
 * fractional mean, and COUNT of a column counts only the submissions that gave it.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface FeedbackRecordRepository extends CrudRepository<FeedbackRecord, String> {

    @Query("""
            SELECT COUNT(*) AS learner_outcomes FROM feedback
            WHERE request_id = :requestId AND learner_outcome IS NOT NULL""")
    long learnerOutcomes(String requestId);

    /**
     * Both kinds of lesson in one keyset paging on (created_at, lesson id): stable however many rows share
     * a timestamp, and the same order for both kinds, so that a page may end on either. A request teaches
     * once: its observed failure, when it has one, is its lesson (feedback on it comes later and is left
     * out); otherwise its first feedback lesson, should two instances have recorded one for it at once.
     * An observed lesson's id is its request's id behind a prefix ({@link LearnerLesson#OBSERVED_PREFIX}),
     * so that it never meets a feedback id, and its time is its row's lesson_at: its request's creation, or,
     * for a row written late, when it was written. Each branch is cut to the page in the same order first, so a
     * read from long ago sorts a page's worth of each kind, not every lesson, per page. The plain
     * {@code created_at >= :afterAt} beside each cursor is what lets PostgreSQL start its index scan at
     * the cursor: the cursor's OR alone made it walk the index from the oldest row, which at tens of
     * millions of rows outlasts the statement timeout.
     */
    @Query("""
            SELECT l.lesson_id AS lesson_id, l.request_id AS request_id, l.source AS source,
                   l.created_at AS created_at, l.learner_outcome AS learner_outcome,
                   l.learner_features AS learner_features
            FROM ((SELECT f.id AS lesson_id, f.request_id AS request_id, 'feedback' AS source,
                         f.created_at AS created_at, f.learner_outcome AS learner_outcome,
                         r.learner_features AS learner_features
                  FROM feedback f JOIN request_log r ON r.id = f.request_id
                  WHERE f.learner_outcome IS NOT NULL AND r.learner_outcome IS NULL
                    AND f.created_at >= :afterAt
                    AND (f.created_at > :afterAt OR (f.created_at = :afterAt AND f.id > :afterId))
                    AND NOT EXISTS (SELECT 1 FROM feedback e
                                    WHERE e.request_id = f.request_id AND e.learner_outcome IS NOT NULL
                                      AND (e.created_at < f.created_at OR (e.created_at = f.created_at AND e.id < f.id)))
                  ORDER BY f.created_at, f.id
                  LIMIT :limit)
                  UNION ALL
                  (SELECT 'observed-' || r.id, r.id, 'observed', r.lesson_at, r.learner_outcome, r.learner_features
                  FROM request_log r
                  WHERE r.lesson_at >= :afterAt AND r.learner_outcome IS NOT NULL
                    AND (r.lesson_at > :afterAt OR (r.lesson_at = :afterAt AND 'observed-' || r.id > :afterId))
                  ORDER BY r.lesson_at, 'observed-' || r.id
                  LIMIT :limit)) l
            ORDER BY l.created_at, l.lesson_id
            LIMIT :limit""")
    List<LearnerLesson> learnerLessons(Instant afterAt, String afterId, int limit);

    @Query("""
            SELECT COUNT(*) AS feedback, COUNT(rating) AS ratings,
                   AVG(CAST(rating AS DOUBLE PRECISION)) AS avg_rating,
                   COUNT(quality_score) AS scores, AVG(quality_score) AS avg_quality_score
            FROM feedback WHERE created_at >= :since AND (CAST(:principal AS VARCHAR(128)) IS NULL OR principal = :principal)""")
    QualityTotals totals(Instant since, @Nullable String principal);

    /** Feedback on answered requests, by the deployment that answered: what both per-provider queries read. */
    String BY_PROVIDER = """
            SELECT r.provider AS provider, r.model AS model, COUNT(*) AS feedback, COUNT(f.rating) AS ratings,
                   AVG(CAST(f.rating AS DOUBLE PRECISION)) AS avg_rating,
                   COUNT(f.quality_score) AS scores, AVG(f.quality_score) AS avg_quality_score
            FROM feedback f JOIN request_log r ON r.id = f.request_id
            WHERE f.created_at >= :since AND r.provider IS NOT NULL
            """;
    String BY_PROVIDER_ORDER = " GROUP BY r.provider, r.model ORDER BY feedback DESC, provider, model";

    @Query(BY_PROVIDER + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR f.principal = :principal)"
            + BY_PROVIDER_ORDER)
    List<ProviderQuality> byProvider(Instant since, @Nullable String principal);

    /** As {@link #byProvider} for everyone, with only each rater's latest feedback on each request. */
    @Query(BY_PROVIDER + """
              AND NOT EXISTS (SELECT 1 FROM feedback g
                              WHERE g.request_id = f.request_id AND g.principal = f.principal AND g.created_at >= :since
                                AND (g.created_at > f.created_at OR (g.created_at = f.created_at AND g.id > f.id)))
            """ + BY_PROVIDER_ORDER)
    List<ProviderQuality> latestPerRaterByProvider(Instant since);

    @Query("""
            SELECT r.strategy AS strategy, COUNT(*) AS feedback, COUNT(f.rating) AS ratings,
                   AVG(CAST(f.rating AS DOUBLE PRECISION)) AS avg_rating,
                   COUNT(f.quality_score) AS scores, AVG(f.quality_score) AS avg_quality_score
            FROM feedback f JOIN request_log r ON r.id = f.request_id
            WHERE f.created_at >= :since AND (CAST(:principal AS VARCHAR(128)) IS NULL OR f.principal = :principal)
            GROUP BY r.strategy ORDER BY feedback DESC, strategy""")
    List<StrategyQuality> byStrategy(Instant since, @Nullable String principal);

    /**
     * A request counts once, with its latest rating in the scope asked (the admin's: by anyone; a user's: by that
     * user): rating one answer five times, or its user and the admin rating it, is not several ratings. Quality
     * scores, when any were given, must agree, each request's latest counted once in the same way. Both the rated
     * requests and the priced answers must be at least {@code minRequests}, so that one lucky answer is no finding.
     */
    @Query("SELECT q.provider AS provider, q.model AS model, q.ratings AS ratings, q.avg_rating AS avg_rating,"
            + " c.requests AS requests, c.avg_cost AS avg_cost"
            + " FROM (SELECT r.provider AS provider, r.model AS model, COUNT(*) AS ratings,"
            + " AVG(CAST(f.rating AS DOUBLE PRECISION)) AS avg_rating"
            + " FROM feedback f JOIN request_log r ON r.id = f.request_id"
            + " WHERE f.created_at >= :since AND f.rating IS NOT NULL AND r.provider IS NOT NULL"
            + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR f.principal = :principal)"
            + " AND NOT EXISTS (SELECT 1 FROM feedback g"
            + " WHERE g.request_id = f.request_id"
            + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR g.principal = :principal)"
            + " AND g.rating IS NOT NULL AND g.created_at >= :since"
            + " AND (g.created_at > f.created_at OR (g.created_at = f.created_at AND g.id > f.id)))"
            + " GROUP BY r.provider, r.model) q"
            + " JOIN (SELECT provider, model, SUM(requests) AS requests, SUM(cost) / SUM(requests) AS avg_cost"
            + " FROM " + PeriodRows.ROWS
            + " WHERE status = 'ok' AND priced AND NOT cache_hit AND provider IS NOT NULL"
            + " GROUP BY provider, model) c ON c.provider = q.provider AND c.model = q.model"
            + " LEFT JOIN (SELECT r.provider AS provider, r.model AS model, AVG(f.quality_score) AS avg_score"
            + " FROM feedback f JOIN request_log r ON r.id = f.request_id"
            + " WHERE f.created_at >= :since AND f.quality_score IS NOT NULL AND r.provider IS NOT NULL"
            + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR f.principal = :principal)"
            + " AND NOT EXISTS (SELECT 1 FROM feedback g"
            + " WHERE g.request_id = f.request_id"
            + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR g.principal = :principal)"
            + " AND g.quality_score IS NOT NULL AND g.created_at >= :since"
            + " AND (g.created_at > f.created_at OR (g.created_at = f.created_at AND g.id > f.id)))"
            + " GROUP BY r.provider, r.model) s ON s.provider = q.provider AND s.model = q.model"
            + " WHERE q.avg_rating >= :minAvgRating AND q.ratings >= :minRequests AND c.requests >= :minRequests"
            + " AND (s.avg_score IS NULL OR s.avg_score >= :minAvgQualityScore)"
            + " ORDER BY avg_cost, provider, model")
    List<RatedDeployment> wellRatedByCost(Instant since, LocalDate fromDay, LocalDate toDay, Instant rolledFrom,
                                          Instant rolledTo, double minAvgRating, double minAvgQualityScore,
                                          long minRequests, @Nullable String principal);
}
