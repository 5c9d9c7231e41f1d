package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LessonTakenException;
import dev.switchboard.ledger.FallbackCause;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LearnerCheckpoint;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.QualityTotals;
import dev.switchboard.ledger.RatedDeployment;
import dev.switchboard.ledger.RatingBar;
import dev.switchboard.ledger.StrategyQuality;
import dev.switchboard.ledger.TierShare;
import dev.switchboard.testsupport.FixedTestClock;
import dev.switchboard.testsupport.LedgerEntries;
import org.junit.jupiter.api.Test;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback and the queries over it, on every ledger database: the V2 migration applies, the new
 * request columns and feedback rows read back, and /quality/stats' and /insights' SQL aggregates them.
 */
abstract class FeedbackLedgerContract extends LedgerContextContract {

    static final Instant NOW = RequestLedgerContract.NOW;
    static final Instant SINCE = NOW.minusSeconds(86_400);
    /** The ledger's clock: a minute after {@link #NOW}, so that rows made before it are written at once. */
    static final Instant WRITTEN = NOW.plusSeconds(60);
    /** Ratings of 4 or more over one rated request or more: what the finding's SQL does, not its service's minimum. */
    static final RatingBar RATED_4 = new RatingBar(4.0, 0.75, 1);

    @Override
    Map<String, Object> extraSettings() {
        return Map.of(FixedTestClock.PROPERTY, WRITTEN.toString());
    }

    /** A successful row answered by {@code provider/model} of {@code tier}, appended; returns its id. */
    private String answered(String strategy, String provider, String model, String tier, String cost,
                            String firstChoice, boolean fallback, boolean cacheHit) {
        LedgerEntry e = LedgerEntries.ok(NOW.minusSeconds(60)).strategy(strategy, "medium").build();
        LedgerEntry row = new LedgerEntry(e.id(), e.createdAt(), "alice", e.endpoint(), e.strategy(), e.confidence(),
                e.pattern(), e.complexity(), provider, model, 10, 40, new BigDecimal(cost), e.baselineCost(), true,
                100, cacheHit, fallback, fallback ? 2 : 1, LedgerEntry.OK, null, tier, firstChoice, "1.0,2.5");
        ledger.append(row);
        return row.id();
    }

    private String economy(String strategy) {
        return answered(strategy, "gemini", "gemini-1.5-flash", "economy", "0.0000100000",
                "gemini/gemini-1.5-flash", false, false);
    }

    private String premium(String strategy, String cost) {
        return answered(strategy, "openai", "gpt-4o", "premium", cost, "openai/gpt-4o", false, false);
    }

    private void feedback(String requestId, Integer rating, Double score, String outcome) {
        ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), requestId, NOW.minusSeconds(30),
                "alice", rating, score, "a comment", outcome));
    }

    @Test
    void readsTheLessonsThatTaughtTheLearnerInOrderWithTheirFeaturesPageByPage() {
        Instant at = NOW.minusSeconds(10);
        ledger.appendFeedback(new FeedbackEntry("b-second", economy("complexity"), at, "alice", 1, null, null,
                FeedbackEntry.WEAK_FAILED));
        ledger.appendFeedback(new FeedbackEntry("a-first", economy("complexity"), at, "alice", 5, null, null,
                FeedbackEntry.WEAK_SUCCEEDED));
        ledger.appendFeedback(new FeedbackEntry("c-later", economy("complexity"), at.plusSeconds(1), "alice", 1,
                null, null, FeedbackEntry.WEAK_FAILED));
        ledger.appendFeedback(new FeedbackEntry("d-taught-nothing", economy("complexity"), at.plusSeconds(2),
                "alice", 3, null, null, null));

        List<LearnerLesson> all = ledger.learnerLessons(Instant.EPOCH, "", 10);
        List<LearnerLesson> firstPage = ledger.learnerLessons(at, "", 2);
        List<LearnerLesson> secondPage = ledger.learnerLessons(at, "b-second", 2);

        assertEquals(List.of("a-first", "b-second", "c-later"), all.stream().map(LearnerLesson::lessonId).toList());
        assertEquals("1.0,2.5", all.get(0).learnerFeatures());
        assertEquals(at, all.get(0).createdAt());
        assertEquals(FeedbackEntry.WEAK_SUCCEEDED, all.get(0).learnerOutcome());
        assertEquals(List.of("a-first", "b-second"), firstPage.stream().map(LearnerLesson::lessonId).toList());
        assertEquals(List.of("c-later"), secondPage.stream().map(LearnerLesson::lessonId).toList());
    }

    @Test
    void aRequestTeachesOnceEvenWhenTwoLessonsWereRecordedForItBeforeTheLedgerAdmittedOne() {
        String id = economy("complexity");
        Instant at = NOW.minusSeconds(10);
        ledger.appendFeedback(new FeedbackEntry("x-later", id, at.plusSeconds(1), "alice", 5, null, null,
                FeedbackEntry.WEAK_SUCCEEDED));
        // A row from before V5, which left lesson_of null: the unique index did not stop the race then.
        bean(JdbcOperations.class).execute(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO feedback (id, request_id, created_at, "
                    + "principal, rating, learner_outcome) VALUES ('y-first', ?, ?, 'alice', 1, ?)")) {
                insert.setString(1, id);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, FeedbackEntry.WEAK_FAILED);
                return insert.executeUpdate();
            }
        });

        assertEquals(List.of("y-first"), ledger.learnerLessons(Instant.EPOCH, "", 10).stream()
                .map(LearnerLesson::lessonId).toList());
    }

    @Test
    void findsARequestWithItsFeedbackColumnsAndCountsWhatTaughtTheLearner() {
        String id = answered("hybrid", "gemini", "gemini-1.5-flash", "economy", "0.00001", "openai/gpt-4o", true,
                false);
        feedback(id, 1, null, FeedbackEntry.WEAK_FAILED);
        feedback(id, 2, null, null);

        LedgerEntry row = ledger.find(id).orElseThrow();

        assertEquals("economy", row.tier());
        assertEquals("openai/gpt-4o", row.firstChoice());
        assertEquals("1.0,2.5", row.learnerFeatures());
        assertEquals("alice", row.principal());
        assertEquals(1, ledger.learnerOutcomes(id));
        assertEquals(0, ledger.learnerOutcomes("unknown"));
        assertTrue(ledger.find("unknown").isEmpty());
    }

    @Test
    void aRequestHoldsOneLessonWhileFeedbackWithoutOneMayRepeat() {
        String id = economy("complexity");
        feedback(id, 1, null, FeedbackEntry.WEAK_FAILED);

        assertThrows(LessonTakenException.class, () -> feedback(id, 5, null, FeedbackEntry.WEAK_SUCCEEDED));
        feedback(id, 5, null, null);
        feedback(id, 4, null, null);

        assertEquals(1, ledger.learnerOutcomes(id));
        assertEquals(3, ledger.qualityTotals(SINCE, LedgerScope.EVERYONE).feedback());
    }

    @Test
    void keepsLearnerCheckpointsAndGivesBackTheFurthestAlong() {
        assertTrue(ledger.newestLearnerCheckpoint("o").isEmpty());
        byte[] state = {1, 2, 3, (byte) 0xff, 0};
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-old", NOW, NOW.minusSeconds(3 * 86_400), "f-1", 10,
                "o", new byte[]{9}));
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-a", NOW, NOW.minusSeconds(60), "f-2", 40, "o", state));
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-b", NOW, NOW.minusSeconds(60), "f-1", 39, "o", state));

        LearnerCheckpoint newest = ledger.newestLearnerCheckpoint("o").orElseThrow();

        assertEquals("cp-a", newest.id(), "the furthest along the lessons' order");
        assertEquals(40, newest.lessons());
        assertEquals("o", newest.origin());
        assertEquals(NOW.minusSeconds(60), newest.afterAt());
        assertArrayEquals(state, newest.state());
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-c", NOW, NOW, "f-3", 41, "o", state));
        assertEquals("cp-c", ledger.newestLearnerCheckpoint("o").orElseThrow().id());
        long kept = bean(JdbcOperations.class).execute(c -> {
            try (var count = c.prepareStatement("SELECT COUNT(*) FROM learner_checkpoint"); var rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertEquals(3, kept, "the one three days behind the newest is forgotten");
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-other", NOW, NOW.plusSeconds(60), "f-9", 99, "p", state));
        assertEquals("cp-c", ledger.newestLearnerCheckpoint("o").orElseThrow().id(), "of its own origin only");
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-far", NOW, NOW.plusSeconds(3 * 86_400), "f-10", 500, "p",
                state));
        assertEquals("cp-c", ledger.newestLearnerCheckpoint("o").orElseThrow().id(),
                "another origin's save, days further along, forgets none of this origin's");

        // An observed failure from the outbox, ten minutes after its request began: its lesson is dated when written.
        LedgerEntry late = LedgerEntries.ok(NOW.minusSeconds(600)).build();
        ledger.append(new LedgerEntry(late.id(), late.createdAt(), late.principal(), late.endpoint(), late.strategy(),
                late.confidence(), late.pattern(), late.complexity(), late.provider(), late.model(), late.tokensIn(),
                late.tokensOut(), late.cost(), late.baselineCost(), late.priced(), late.latencyMs(), false, false, 1,
                LedgerEntry.OK, null, "economy", "gemini/gemini-1.5-flash", "1.0", FeedbackEntry.WEAK_FAILED,
                "an empty answer"));
        assertEquals("cp-c", ledger.newestLearnerCheckpoint("o").orElseThrow().id(), "a late lesson forgets nothing");
        List<LearnerLesson> afterTheCheckpoint = ledger.learnerLessons(NOW, "f-3", 10);
        assertEquals(List.of(LearnerLesson.OBSERVED_PREFIX + late.id()),
                afterTheCheckpoint.stream().map(LearnerLesson::lessonId).toList(),
                "read after every checkpoint saved before it was written");
        assertEquals(WRITTEN, afterTheCheckpoint.get(0).createdAt());
        assertEquals(NOW.minusSeconds(600), ledger.find(late.id()).orElseThrow().createdAt(),
                "the request keeps its own time");
        ledger.saveLearnerCheckpoint(new LearnerCheckpoint("cp-next-month", NOW, NOW.plusSeconds(31 * 86_400), "f-11",
                900, "p", state));
        assertTrue(ledger.newestLearnerCheckpoint("o").isEmpty(), "an origin a month behind is out of use: forgotten");
    }

    @Test
    void refusesFeedbackOnARequestItDoesNotHave() {
        assertThrows(RuntimeException.class, () -> feedback("unknown", 3, null, null));
    }

    @Test
    void aggregatesFeedbackOverallPerDeploymentAndPerStrategy() {
        String cheap = economy("complexity");
        String dear = premium("hybrid", "0.0010000000");
        feedback(cheap, 2, 0.25, null);
        feedback(cheap, 5, null, null);
        feedback(dear, null, 0.75, null);
        ledger.appendFeedback(new FeedbackEntry("old", dear, NOW.minusSeconds(3 * 86_400), "alice", 1, null, null,
                null));

        QualityTotals totals = ledger.qualityTotals(SINCE, LedgerScope.EVERYONE);
        List<ProviderQuality> providers = ledger.qualityByProvider(SINCE, LedgerScope.EVERYONE);
        List<StrategyQuality> strategies = ledger.qualityByStrategy(SINCE, LedgerScope.EVERYONE);

        assertEquals(new QualityTotals(3, 2, 3.5, 2, 0.5), totals);
        assertEquals(List.of(new ProviderQuality("gemini", "gemini-1.5-flash", 2, 2, 3.5, 1, 0.25),
                new ProviderQuality("openai", "gpt-4o", 1, 0, null, 1, 0.75)), providers);
        assertEquals(List.of(new StrategyQuality("complexity", 2, 2, 3.5, 1, 0.25),
                new StrategyQuality("hybrid", 1, 0, null, 1, 0.75)), strategies);
        assertEquals(new QualityTotals(0, 0, null, 0, null), ledger.qualityTotals(NOW, LedgerScope.EVERYONE));
    }

    @Test
    void routingWeighsEachRatersLatestFeedbackOnARequestOnce() {
        String cheap = economy("complexity");
        String other = economy("complexity");
        for (int i = 0; i < 5; i++) {
            ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), cheap, NOW.minusSeconds(50 - i),
                    "alice", null, 0.0, null, null));
        }
        ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), cheap, NOW.minusSeconds(20), "alice", 4,
                0.9, null, null));
        feedback(other, 5, 1.0, null);
        ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), cheap, NOW.minusSeconds(5), "admin", 2,
                null, null, null));

        assertEquals(List.of(new ProviderQuality("gemini", "gemini-1.5-flash", 3, 3, 11 / 3.0, 2, 0.95)),
                ledger.routingQuality(SINCE), "alice's six on one answer are one: her latest");
        assertEquals(8, ledger.qualityByProvider(SINCE, LedgerScope.EVERYONE).get(0).feedback(),
                "the quality figures still count every submission");
    }

    @Test
    void aPrincipalsScopeReadsOnlyTheFeedbackItGaveOnItsOwnRequests() {
        String alices = economy("complexity");
        LedgerEntry bobs = LedgerEntries.ok(NOW.minusSeconds(60)).build("bob");
        ledger.append(bobs);
        feedback(alices, 2, null, null);
        ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), bobs.id(), NOW.minusSeconds(30), "bob",
                5, null, null, null));

        assertEquals(new QualityTotals(2, 2, 3.5, 0, null), ledger.qualityTotals(SINCE, LedgerScope.EVERYONE));
        assertEquals(new QualityTotals(1, 1, 2.0, 0, null), ledger.qualityTotals(SINCE, LedgerScope.of("alice")));
        assertEquals(1, ledger.qualityByProvider(SINCE, LedgerScope.of("bob")).get(0).ratings());
        assertEquals(5.0, ledger.qualityByStrategy(SINCE, LedgerScope.of("bob")).get(0).avgRating(), 1e-9);
        assertTrue(ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.of("alice")).isEmpty());
        assertEquals(List.of("gemini-1.5-flash"), ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.of("bob")).stream()
                .map(RatedDeployment::model).toList());
        assertEquals(new TierShare(1, 1), ledger.tierShare(SINCE, LedgerScope.of("alice")));
    }

    @Test
    void findsTheCheapestDeploymentWhoseRatingsAverageFourOrMore() {
        String cheap = economy("complexity");
        economy("complexity");
        String mid = answered("complexity", "anthropic", "claude-3-5-haiku-20241022", "standard", "0.0001000000",
                "anthropic/claude-3-5-haiku-20241022", false, false);
        String mid2 = answered("complexity", "anthropic", "claude-3-5-haiku-20241022", "standard", "0.0001000000",
                "anthropic/claude-3-5-haiku-20241022", false, false);
        String dear = premium("hybrid", "0.0010000000");
        feedback(cheap, 3, null, null);
        feedback(mid, 4, null, null);
        feedback(mid2, 5, null, null);
        feedback(dear, 5, null, null);

        List<RatedDeployment> rated = ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.EVERYONE);

        assertEquals(List.of("claude-3-5-haiku-20241022", "gpt-4o"), rated.stream().map(RatedDeployment::model).toList());
        assertEquals(2, rated.get(0).ratings());
        assertEquals(4.5, rated.get(0).avgRating(), 1e-9);
        assertEquals(2, rated.get(0).requests());
        assertEquals(0, new BigDecimal("0.0001").compareTo(rated.get(0).avgCost()), rated.toString());
        assertEquals(3, ledger.wellRatedByCost(SINCE, new RatingBar(3.0, 0.75, 1), LedgerScope.EVERYONE).size());
    }

    @Test
    void aRequestRatedAgainCountsOnceWithItsLatestRating() {
        String cheap = economy("complexity");
        ledger.appendFeedback(new FeedbackEntry("early", cheap, NOW.minusSeconds(50), "alice", 5, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("late", cheap, NOW.minusSeconds(40), "alice", 2, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("again", cheap, NOW.minusSeconds(45), "alice", 5, null, null, null));

        assertTrue(ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.EVERYONE).isEmpty(), "its latest rating is 2");
        assertEquals(1, ledger.wellRatedByCost(SINCE, new RatingBar(2.0, 0.75, 1), LedgerScope.EVERYONE).get(0)
                .ratings(), "three submissions on one request are one rated request");
    }

    @Test
    void aRequestRatedByItsUserAndByTheAdminCountsOnceInTheAdminsViewAndItsUsersRatingInTheUsers() {
        String cheap = economy("complexity");
        ledger.appendFeedback(new FeedbackEntry("users", cheap, NOW.minusSeconds(50), "alice", 5, null, null, null));
        ledger.appendFeedback(new FeedbackEntry("admins", cheap, NOW.minusSeconds(40), "admin", 1, null, null, null));

        List<RatedDeployment> everyone = ledger.wellRatedByCost(SINCE, new RatingBar(1.0, 0.75, 1),
                LedgerScope.EVERYONE);
        assertEquals(1, everyone.get(0).ratings(), "one rated request, not one per rater");
        assertEquals(1.0, everyone.get(0).avgRating(), 1e-9, "with its latest rating");
        assertEquals(5.0, ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.of("alice")).get(0).avgRating(), 1e-9,
                "the user's own view keeps the user's rating");
    }

    @Test
    void aDeploymentIsNotWellRatedWhenItsQualityScoresDisagreeOrItHasTooFewRequests() {
        String scored = economy("complexity");
        feedback(scored, 5, null, null);
        feedback(scored, null, 0.1, null);
        String twice = premium("hybrid", "0.001");
        feedback(twice, 5, 0.9, null);

        assertEquals(List.of("gpt-4o"), ledger.wellRatedByCost(SINCE, RATED_4, LedgerScope.EVERYONE).stream()
                .map(RatedDeployment::model).toList(), "gemini's quality score, 0.1, is far below 0.75");
        assertTrue(ledger.wellRatedByCost(SINCE, new RatingBar(4.0, 0.75, 2), LedgerScope.EVERYONE).isEmpty(),
                "one rated request and one priced answer are below a minimum of two");
    }

    @Test
    void sharesOfEconomyAnswersAndTheFirstChoicesThatFellBack() {
        economy("complexity");
        economy("complexity");
        premium("hybrid", "0.001");
        answered("hybrid", "gemini", "gemini-1.5-flash", "economy", "0", "gemini/gemini-1.5-flash", false, true);
        answered("hybrid", "openai", "gpt-4o-mini", "economy", "0.00001", "openai/gpt-4o", true, false);
        answered("hybrid", "gemini", "gemini-1.5-flash", "economy", "0.00001", "openai/gpt-4o", true, false);
        answered("hybrid", "openai", "gpt-4o", "premium", "0.001", "anthropic/claude-3-5-sonnet-20241022", true,
                false);
        ledger.append(LedgerEntries.ok(NOW.minusSeconds(60)).build());

        assertEquals(new TierShare(6, 4), ledger.tierShare(SINCE, LedgerScope.EVERYONE), "cache hits and rows without a tier aside");
        assertEquals(List.of(new FallbackCause("openai/gpt-4o", 2),
                new FallbackCause("anthropic/claude-3-5-sonnet-20241022", 1)), ledger.fallbackCauses(SINCE, LedgerScope.EVERYONE));
        assertEquals(new TierShare(0, 0), ledger.tierShare(NOW, LedgerScope.EVERYONE));
        assertTrue(ledger.fallbackCauses(NOW, LedgerScope.EVERYONE).isEmpty());
    }

    @Test
    void aRowWithoutTheFeedbackColumnsReadsBackWithNulls() {
        LedgerEntry old = LedgerEntries.ok(NOW).build();
        ledger.append(old);

        LedgerEntry row = ledger.find(old.id()).orElseThrow();

        assertNull(row.tier());
        assertNull(row.firstChoice());
        assertNull(row.learnerFeatures());
    }
}
