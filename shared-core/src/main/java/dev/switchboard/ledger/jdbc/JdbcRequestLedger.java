package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.CacheStats;
import dev.switchboard.ledger.ConfidenceStat;
import dev.switchboard.ledger.ErrorTypeStat;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LearnerCheckpoint;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LedgerStats;
import dev.switchboard.ledger.LedgerUse;
import dev.switchboard.ledger.LessonTakenException;
import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.ProviderStat;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.RatingBar;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.ledger.StrategyQuality;
import dev.switchboard.ledger.StrategyStat;
import dev.switchboard.ledger.TierShare;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The ledger on a JDBC database through Micronaut Data. Request rows are inserted by {@link RequestRowInsert},
 * and rows written at the same time share one batch ({@link GroupCommit}): each append still returns only
 * once its row is written. The analytics read whole past days from their daily rollup ({@link DailyRollup}).
 */
@Singleton
public class JdbcRequestLedger implements RequestLedger {

    private final RequestRecordRepository repository;
    private final FeedbackRecordRepository feedback;
    private final GroupCommit<LedgerEntry> requests;
    private final List<LedgerUse> uses;
    private final Clock clock;
    private final DailyRollup rollup;
    private final RequestRowInsert insert;
    private final LearnerCheckpointStore checkpoints;
    private final LedgerPurge purge;

    public JdbcRequestLedger(RequestRecordRepository repository, FeedbackRecordRepository feedback,
                             JdbcOperations jdbc, List<LedgerUse> uses, Clock clock) {
        this.repository = repository;
        this.feedback = feedback;
        this.uses = List.copyOf(uses);
        this.clock = clock;
        this.rollup = new DailyRollup(jdbc, clock);
        this.insert = new RequestRowInsert(jdbc);
        this.checkpoints = new LearnerCheckpointStore(jdbc);
        this.purge = new LedgerPurge(jdbc);
        this.requests = new GroupCommit<>(insert::all, insert::one);
    }

    @Override
    public void append(LedgerEntry e) {
        run(() -> {
            // Against one reading of the clock: every row asks, and nearly none is late.
            Instant now = clock.instant();
            boolean lateForRollup = e.createdAt().isBefore(now.minus(DailyRollup.SETTLE));
            boolean lateLesson = e.learnerOutcome() != null
                    && e.createdAt().isBefore(now.minus(LearnerLesson.LATE_WINDOW));
            if (lateForRollup || lateLesson) {
                // A row written late (from the outbox): it and what it changes land together, or neither does. Its
                // lesson is dated now, so that running learners and checkpoints, already past its creation, read it.
                insert.lateWith(e, now, connection -> {
                    if (lateForRollup) {
                        rollup.markStale(connection, e.createdAt());
                    }
                    return null;
                });
            } else {
                requests.write(e);
            }
        });
    }

    @Override
    public LedgerStats stats(Instant since, LedgerScope scope) {
        return read(since, p -> repository.stats(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public List<ErrorTypeStat> errorsByType(Instant since, LedgerScope scope) {
        return read(since, p -> repository.errorsByType(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public List<StrategyStat> byStrategy(Instant since, LedgerScope scope) {
        return read(since, p -> repository.byStrategy(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public List<ConfidenceStat> byConfidence(Instant since, LedgerScope scope) {
        return read(since, p -> repository.byConfidence(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public List<ProviderStat> byProvider(Instant since, LedgerScope scope) {
        return read(since, p -> repository.byProvider(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public CacheStats cacheStats(Instant since, LedgerScope scope) {
        return read(since, p -> repository.cacheStats(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public Optional<LedgerEntry> find(String requestId) {
        return use(() -> repository.findById(requestId).map(r -> new LedgerEntry(r.id(), r.createdAt(),
                r.principal(), r.endpoint(), r.strategy(), r.confidence(), r.pattern(), r.complexity(), r.provider(),
                r.model(), r.tokensIn(), r.tokensOut(), r.cost(), r.baselineCost(), r.priced(), r.latencyMs(),
                r.cacheHit(), r.fallbackUsed(), r.attempts(), r.status(), r.errorType(), r.tier(), r.firstChoice(),
                r.learnerFeatures(), r.learnerOutcome(), r.learnerNote(), r.cacheAsked(), r.cachedTokensIn(),
                r.cacheWriteTokensIn(), r.firstChunkMs())));
    }

    @Override
    public void appendFeedback(FeedbackEntry f) {
        run(() -> {
            try {
                feedback.save(new FeedbackRecord(f.id(), f.requestId(), f.createdAt(), f.principal(), f.rating(),
                        f.qualityScore(), f.comment(), f.learnerOutcome(),
                        f.learnerOutcome() == null ? null : f.requestId()));
            } catch (RuntimeException refused) {
                if (f.learnerOutcome() != null && LessonTakenException.isLessonIndex(refused)) {
                    throw new LessonTakenException(f.requestId());
                }
                throw refused;
            }
        });
    }

    @Override
    public long learnerOutcomes(String requestId) {
        return use(() -> feedback.learnerOutcomes(requestId));
    }

    @Override
    public List<LearnerLesson> learnerLessons(Instant afterAt, String afterId, int limit) {
        return use(() -> feedback.learnerLessons(afterAt, afterId, limit));
    }

    @Override
    public Optional<LearnerCheckpoint> newestLearnerCheckpoint(String origin) {
        return use(() -> checkpoints.newest(origin));
    }

    @Override
    public void saveLearnerCheckpoint(LearnerCheckpoint checkpoint) {
        run(() -> checkpoints.save(checkpoint));
    }

    @Override
    public QualityTotals qualityTotals(Instant since, LedgerScope scope) {
        return use(() -> feedback.totals(since, scope.principal()));
    }

    @Override
    public List<ProviderQuality> qualityByProvider(Instant since, LedgerScope scope) {
        return use(() -> feedback.byProvider(since, scope.principal()));
    }

    @Override
    public List<ProviderQuality> routingQuality(Instant since) {
        return use(() -> feedback.latestPerRaterByProvider(since));
    }

    @Override
    public List<StrategyQuality> qualityByStrategy(Instant since, LedgerScope scope) {
        return use(() -> feedback.byStrategy(since, scope.principal()));
    }

    @Override
    public List<RatedDeployment> wellRatedByCost(Instant since, RatingBar bar, LedgerScope scope) {
        return read(since, p -> feedback.wellRatedByCost(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                bar.minAvgRating(), bar.minAvgQualityScore(), bar.minRequests(), scope.principal()));
    }

    @Override
    public TierShare tierShare(Instant since, LedgerScope scope) {
        return read(since, p -> repository.tierShare(since, p.fromDay(), p.toDay(), p.rolledFrom(), p.rolledTo(),
                scope.principal()));
    }

    @Override
    public List<FallbackCause> fallbackCauses(Instant since, LedgerScope scope) {
        return read(since, p -> repository.fallbackCauses(since, p.fromDay(), p.toDay(), p.rolledFrom(),
                p.rolledTo(), scope.principal()));
    }

    @Override
    public int purgeBefore(Instant cutoff, int maxRows) {
        return use(() -> purge.requestsBefore(cutoff, maxRows));
    }

    @Override
    public boolean purgeOldestDayBefore(Instant cutoff) {
        return use(() -> purge.oldestDayBefore(cutoff));
    }

    @Override
    public boolean rollUpNewestDueDay(Instant since, Duration timeout) {
        return use(() -> rollup.rollNewestDue(since, timeout).isPresent());
    }

    /** A read over the days since {@code since}: the whole days from their rollup, the rest from the rows. */
    private <T> T read(Instant since, Function<LedgerPeriod, T> query) {
        return use(() -> query.apply(rollup.period(since)));
    }

    private void run(Runnable operation) {
        use(() -> {
            operation.run();
            return null;
        });
    }

    /**
     * One use of the ledger, read or write. What waits for its use runs first (a schema check put off at start-up,
     * a look at whether its credentials were rotated); a password it refuses (SQLState class 28) is told to
     * whatever reads the credentials again, from any use: a function that only reads (metrics, the previews'
     * quality and learner) must pick up a rotation as a writing one does.
     */
    private <T> T use(Supplier<T> operation) {
        for (LedgerUse use : uses) {
            use.used();
        }
        try {
            return operation.get();
        } catch (RuntimeException failed) {
            String state = LedgerSchema.sqlState(failed);
            if (state != null && state.startsWith("28")) {
                for (LedgerUse use : uses) {
                    use.credentialsRefused();
                }
            }
            throw failed;
        }
    }
}
