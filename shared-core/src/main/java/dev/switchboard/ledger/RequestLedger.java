package dev.switchboard.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The relational record of every routed request and every piece of feedback, and the analytics queries
 * over them; each query reads the rows of its {@link LedgerScope}.
 */
public interface RequestLedger {

    /**
     * Writes a request's row. A row that carries a lesson for the learner and is written more than
     * {@link LearnerLesson#LATE_WINDOW} after it was created (from the outbox, after a ledger outage) has its
     * lesson dated by its writing, so that running learners, and the checkpoints they save, take it.
     */
    void append(LedgerEntry entry);

    LedgerStats stats(Instant since, LedgerScope scope);

    /** The failed requests since {@code since} by error type, the most frequent first. */
    List<ErrorTypeStat> errorsByType(Instant since, LedgerScope scope);

    List<StrategyStat> byStrategy(Instant since, LedgerScope scope);

    List<ConfidenceStat> byConfidence(Instant since, LedgerScope scope);

    List<ProviderStat> byProvider(Instant since, LedgerScope scope);

    /** Cache hits and misses since {@code since}, and the baseline cost the hits avoided. */
    CacheStats cacheStats(Instant since, LedgerScope scope);

    /** The request's row, if the ledger has one. */
    Optional<LedgerEntry> find(String requestId);

    /**
     * Records one feedback submission; its request's row must exist.
     *
     * @throws LessonTakenException when it carries a lesson and another row already holds its request's
     */
    void appendFeedback(FeedbackEntry feedback);

    /** How many earlier submissions on this request taught the learner (so that it learns from a request once). */
    long learnerOutcomes(String requestId);

    /**
     * Up to {@code limit} lessons for the learner, each with its request's learner features, in (created at,
     * lesson id) order, starting after the lesson ({@code afterAt}, {@code afterId}); an empty {@code afterId}
     * takes every lesson created at {@code afterAt} too. Two kinds share that order: feedback rows that
     * taught (their id is the feedback's), and request rows whose answer was an observed failure (created
     * when the request was, their id {@link LearnerLesson#OBSERVED_PREFIX} and the request's). A request
     * teaches once: its observed failure if it has one, else its first feedback lesson.
     */
    List<LearnerLesson> learnerLessons(Instant afterAt, String afterId, int limit);

    /** Of the learner checkpoints grown from {@code origin}, the one furthest along the lessons' order. */
    Optional<LearnerCheckpoint> newestLearnerCheckpoint(String origin);

    /** Saves {@code checkpoint}, and forgets those of its origin a day behind it and any a month behind it. */
    void saveLearnerCheckpoint(LearnerCheckpoint checkpoint);

    /** Feedback given since {@code since}. */
    QualityTotals qualityTotals(Instant since, LedgerScope scope);

    /** Feedback since {@code since} per provider and model that answered (requests nobody answered left out). */
    List<ProviderQuality> qualityByProvider(Instant since, LedgerScope scope);

    /**
     * Feedback since {@code since} per provider and model, as routing weighs it: each rater's latest feedback on a
     * request counts once, so that no one moves a deployment's quality for everyone by rating one answer again
     * and again.
     */
    List<ProviderQuality> routingQuality(Instant since);

    /** Feedback since {@code since} per strategy that routed the request. */
    List<StrategyQuality> qualityByStrategy(Instant since, LedgerScope scope);

    /**
     * Deployments that clear {@code bar} since {@code since} (ratings, quality scores, and how many rated
     * requests and priced answers), cheapest mean cost first.
     */
    List<RatedDeployment> wellRatedByCost(Instant since, RatingBar bar, LedgerScope scope);

    /** Answered requests since {@code since} with a known tier, and the economy tier's part of them. */
    TierShare tierShare(Instant since, LedgerScope scope);

    /** First choices that failed into a fallback since {@code since}, the most fallbacks first. */
    List<FallbackCause> fallbackCauses(Instant since, LedgerScope scope);

    /**
     * Deletes up to {@code maxRows} of the oldest request rows created before {@code cutoff}, with their
     * feedback, leaving those with feedback given at or after the cutoff; returns how many went (fewer than
     * {@code maxRows}: none older are left). Only for a ledger whose reads never reach before the cutoff.
     */
    int purgeBefore(Instant cutoff, int maxRows);

    /** Deletes the oldest day of the daily rollup before the cutoff's day; false when none is left. */
    boolean purgeOldestDayBefore(Instant cutoff);

    /**
     * Rolls up the newest past day from {@code since} on that the analytics would read from its request rows (never
     * rolled, stale, or rolled by an older version), its statements allowed {@code timeout}, longer than a read's
     * own roll may take; false when none is due or the roll did not happen (another took it, or it failed: logged).
     */
    boolean rollUpNewestDueDay(Instant since, Duration timeout);
}
