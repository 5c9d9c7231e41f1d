package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.StrategyQuality;
import dev.switchboard.ledger.StrategyStat;
import dev.switchboard.ledger.TierShare;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ledger on a JDBC database through Micronaut Data. Request rows are inserted by {@link RequestRowInsert},
 * and rows written at the same time share one batch ({@link GroupCommit}): each append still returns only
 * once its row is written.
 */
@Singleton
public class JdbcRequestLedger implements RequestLedger {

    private final RequestRecordRepository repository;
    private final FeedbackRecordRepository feedback;
    private final GroupCommit<LedgerEntry> requests;

    public JdbcRequestLedger(RequestRecordRepository repository, FeedbackRecordRepository feedback,
                             JdbcOperations jdbc) {
        this.repository = repository;
        this.feedback = feedback;
        RequestRowInsert insert = new RequestRowInsert(jdbc);
        this.requests = new GroupCommit<>(insert::all, insert::one);
    }

    @Override
    public void append(LedgerEntry e) {
        requests.write(e);
    }

    @Override
    public LedgerStats stats(Instant since) {
        return repository.stats(since);
    }

    @Override
    public List<StrategyStat> byStrategy(Instant since) {
        return repository.byStrategy(since);
    }

    @Override
    public List<ConfidenceStat> byConfidence(Instant since) {
        return repository.byConfidence(since);
    }

    @Override
    public List<ProviderStat> byProvider(Instant since) {
        return repository.byProvider(since);
    }

    @Override
    public CacheStats cacheStats(Instant since) {
        return repository.cacheStats(since);
    }

    @Override
    public Optional<LedgerEntry> find(String requestId) {
        return repository.findById(requestId).map(r -> new LedgerEntry(r.id(), r.createdAt(), r.principal(),
                r.endpoint(), r.strategy(), r.confidence(), r.pattern(), r.complexity(), r.provider(), r.model(),
                r.tokensIn(), r.tokensOut(), r.cost(), r.baselineCost(), r.priced(), r.latencyMs(), r.cacheHit(),
                r.fallbackUsed(), r.attempts(), r.status(), r.errorType(), r.tier(), r.firstChoice(),
                r.learnerFeatures(), r.learnerOutcome(), r.learnerNote()));
    }

    @Override
    public void appendFeedback(FeedbackEntry f) {
        feedback.save(new FeedbackRecord(f.id(), f.requestId(), f.createdAt(), f.principal(), f.rating(),
                f.qualityScore(), f.comment(), f.learnerOutcome()));
    }

    @Override
    public long learnerOutcomes(String requestId) {
        return feedback.learnerOutcomes(requestId);
    }

    @Override
    public List<LearnerLesson> learnerLessons(Instant afterAt, String afterId, int limit) {
        return feedback.learnerLessons(afterAt, afterId, limit);
    }

    @Override
    public QualityTotals qualityTotals(Instant since) {
        return feedback.totals(since);
    }

    @Override
    public List<ProviderQuality> qualityByProvider(Instant since) {
        return feedback.byProvider(since);
    }

    @Override
    public List<StrategyQuality> qualityByStrategy(Instant since) {
        return feedback.byStrategy(since);
    }

    @Override
    public List<RatedDeployment> wellRatedByCost(Instant since, double minAvgRating) {
        return feedback.wellRatedByCost(since, minAvgRating);
    }

    @Override
    public TierShare tierShare(Instant since) {
        return repository.tierShare(since);
    }

    @Override
    public List<FallbackCause> fallbackCauses(Instant since) {
        return repository.fallbackCauses(since);
    }
}
