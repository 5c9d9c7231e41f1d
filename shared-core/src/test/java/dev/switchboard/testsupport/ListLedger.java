package dev.switchboard.testsupport;

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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A ledger that keeps rows in memory, and can be switched off to act out an outage. */
public class ListLedger implements RequestLedger {

    /** What the feedback quality query answers: the only analytics query kept here, for answers' quality_score. */
    public final List<ProviderQuality> quality = new ArrayList<>();


    public final List<LedgerEntry> rows = new ArrayList<>();
    public final List<FeedbackEntry> feedback = new ArrayList<>();
    public final List<LearnerCheckpoint> checkpoints = new ArrayList<>();
    private final java.util.Map<String, Instant> lessonTimes = new java.util.HashMap<>();
    private Instant newestSeen;
    public boolean down;
    /** Like the ledger's unique index (V5): a second lesson on one request is refused. Off: tests that build the race. */
    public boolean oneLessonPerRequest;
    /** Ids of rows the ledger refuses though it is up (a value the database cannot store). */
    public final Set<String> refused = new HashSet<>();
    /** Every append asked of it, taken or not. */
    public int appendAttempts;
    /** Ids of rows whose look-up fails though the ledger is up (a query that times out for that row alone). */
    public final Set<String> unreadable = new HashSet<>();

    @Override
    public void append(LedgerEntry entry) {
        appendAttempts++;
        if (down) {
            throw new IllegalStateException("ledger database unreachable");
        }
        if (refused.contains(entry.id())) {
            throw new IllegalArgumentException("the ledger database refuses this row");
        }
        rows.add(entry);
        if (entry.learnerOutcome() != null) {
            // As the ledger dates a lesson (lesson_at): by its creation, or, written late, by when it was written,
            // which here is the newest time the ledger has seen.
            boolean late = newestSeen != null && entry.createdAt().isBefore(newestSeen.minus(LearnerLesson.LATE_WINDOW));
            lessonTimes.put(entry.id(), late ? newestSeen : entry.createdAt());
        }
        seen(entry.createdAt());
    }

    private void seen(Instant at) {
        if (newestSeen == null || at.isAfter(newestSeen)) {
            newestSeen = at;
        }
    }

    @Override
    public LedgerStats stats(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<ErrorTypeStat> errorsByType(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<StrategyStat> byStrategy(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<ConfidenceStat> byConfidence(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<ProviderStat> byProvider(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    /** The same sums as the SQL (tested on real databases), over the rows kept here. */
    @Override
    public CacheStats cacheStats(Instant since, LedgerScope scope) {
        List<LedgerEntry> period = rows.stream().filter(r -> !r.createdAt().isBefore(since))
                .filter(r -> scope.principal() == null || scope.principal().equals(r.principal())).toList();
        List<LedgerEntry> hits = period.stream().filter(LedgerEntry::cacheHit).toList();
        List<LedgerEntry> answered = period.stream()
                .filter(r -> !r.cacheHit() && LedgerEntry.OK.equals(r.status())).toList();
        long bypassed = answered.stream().filter(r -> Boolean.FALSE.equals(r.cacheAsked())).count();
        return new CacheStats(hits.size(), answered.size() - bypassed, bypassed,
                hits.stream().map(LedgerEntry::baselineCost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Override
    public Optional<LedgerEntry> find(String requestId) {
        if (down || unreadable.contains(requestId)) {
            throw new IllegalStateException("ledger database unreachable");
        }
        return rows.stream().filter(r -> r.id().equals(requestId)).findFirst();
    }

    @Override
    public void appendFeedback(FeedbackEntry entry) {
        if (down) {
            throw new IllegalStateException("ledger database unreachable");
        }
        if (find(entry.requestId()).isEmpty()) {
            throw new IllegalStateException("no request row " + entry.requestId());
        }
        if (oneLessonPerRequest && entry.learnerOutcome() != null && learnerOutcomes(entry.requestId()) > 0) {
            throw new LessonTakenException(entry.requestId());
        }
        feedback.add(entry);
        seen(entry.createdAt());
    }

    @Override
    public long learnerOutcomes(String requestId) {
        return feedback.stream().filter(f -> f.requestId().equals(requestId) && f.learnerOutcome() != null)
                .count();
    }

    @Override
    public Optional<LearnerCheckpoint> newestLearnerCheckpoint(String origin) {
        if (down) {
            throw new IllegalStateException("ledger database unreachable");
        }
        return checkpoints.stream().filter(c -> c.origin().equals(origin)).max(Comparator.comparing(LearnerCheckpoint::afterAt)
                .thenComparing(LearnerCheckpoint::afterId));
    }

    @Override
    public void saveLearnerCheckpoint(LearnerCheckpoint checkpoint) {
        if (down) {
            throw new IllegalStateException("ledger database unreachable");
        }
        checkpoints.add(checkpoint);
    }

    /** The same lessons, in the same order, as the SQL (tested on real databases), over the rows kept here. */
    @Override
    public List<LearnerLesson> learnerLessons(Instant afterAt, String afterId, int limit) {
        if (down) {
            throw new IllegalStateException("ledger database unreachable");
        }
        java.util.Comparator<FeedbackEntry> first = java.util.Comparator.comparing(FeedbackEntry::createdAt)
                .thenComparing(FeedbackEntry::id);
        java.util.stream.Stream<LearnerLesson> fromFeedback = feedback.stream()
                .filter(f -> f.learnerOutcome() != null)
                .filter(f -> find(f.requestId()).map(r -> r.learnerOutcome() == null).orElse(false))
                .filter(f -> feedback.stream().noneMatch(e -> e.requestId().equals(f.requestId())
                        && e.learnerOutcome() != null && first.compare(e, f) < 0))
                .map(f -> new LearnerLesson(f.id(), f.requestId(), LearnerLesson.FEEDBACK, f.createdAt(),
                        f.learnerOutcome(), find(f.requestId()).map(LedgerEntry::learnerFeatures).orElse(null)));
        java.util.stream.Stream<LearnerLesson> observed = rows.stream()
                .filter(r -> r.learnerOutcome() != null)
                .map(r -> new LearnerLesson(LearnerLesson.OBSERVED_PREFIX + r.id(), r.id(), LearnerLesson.OBSERVED,
                        lessonTimes.get(r.id()), r.learnerOutcome(), r.learnerFeatures()));
        return java.util.stream.Stream.concat(fromFeedback, observed)
                .filter(l -> l.createdAt().isAfter(afterAt)
                        || (l.createdAt().equals(afterAt) && l.lessonId().compareTo(afterId) > 0))
                .sorted(java.util.Comparator.comparing(LearnerLesson::createdAt)
                        .thenComparing(LearnerLesson::lessonId))
                .limit(limit)
                .toList();
    }

    @Override
    public QualityTotals qualityTotals(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<ProviderQuality> qualityByProvider(Instant since, LedgerScope scope) {
        return List.copyOf(quality);
    }

    /** The same figures as {@link #qualityByProvider}: what they count is tested against real databases. */
    @Override
    public List<ProviderQuality> routingQuality(Instant since) {
        return List.copyOf(quality);
    }

    @Override
    public List<StrategyQuality> qualityByStrategy(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<RatedDeployment> wellRatedByCost(Instant since, RatingBar bar, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public TierShare tierShare(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    @Override
    public List<FallbackCause> fallbackCauses(Instant since, LedgerScope scope) {
        throw analyticsAreNotHere();
    }

    private static AssertionError analyticsAreNotHere() {
        return new AssertionError("analytics are tested against real databases, not this double");
    }

    /**
     * As the SQL does (tested on real databases): the oldest rows first, their feedback with them, leaving
     * those with feedback given at or after the cutoff.
     */
    @Override
    public int purgeBefore(Instant cutoff, int maxRows) {
        List<LedgerEntry> oldest = rows.stream().filter(r -> r.createdAt().isBefore(cutoff))
                .filter(r -> feedback.stream().noneMatch(f -> f.requestId().equals(r.id())
                        && !f.createdAt().isBefore(cutoff)))
                .sorted(Comparator.comparing(LedgerEntry::createdAt).thenComparing(LedgerEntry::id))
                .limit(maxRows).toList();
        Set<String> ids = new HashSet<>();
        oldest.forEach(r -> ids.add(r.id()));
        feedback.removeIf(f -> ids.contains(f.requestId()));
        rows.removeAll(oldest);
        return oldest.size();
    }

    /** No daily rollup is kept here. */
    @Override
    public boolean purgeOldestDayBefore(Instant cutoff) {
        return false;
    }

    /** This double keeps no daily rollup: nothing is ever due. */
    @Override
    public boolean rollUpNewestDueDay(Instant since, Duration timeout) {
        return false;
    }
}
