package dev.switchboard.service;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LearnerCheckpoint;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.FeatureVector;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import dev.switchboard.testsupport.LedgerEntries;
import dev.switchboard.testsupport.ListLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learner learns the ledger's lessons: at most once a minute as estimates ask, in order, each once,
 * however the reads overlap, however many share a timestamp, and however late a row arrives.
 */
class LedgerLearningTest {

    private static final String PROMPT = "What is a closure in JavaScript?";

    private final MutableClock clock = new MutableClock();
    private final ListLedger ledger = new ListLedger();
    private final DifficultyLearner learner = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
    private final List<Runnable> background = new ArrayList<>();
    private final LedgerLearning learning = new LedgerLearning(learner, () -> ledger, clock, background::add);

    /** A feedback row that taught the learner, on a fresh economy answer of {@link #PROMPT}, created at {@code at}. */
    private FeedbackEntry lesson(Instant at, boolean failed) {
        LedgerEntry base = LedgerEntries.ok(at).build();
        ledger.append(new LedgerEntry(base.id(), at, base.principal(), base.endpoint(), base.strategy(),
                base.confidence(), base.pattern(), base.complexity(), base.provider(), base.model(), base.tokensIn(),
                base.tokensOut(), base.cost(), base.baselineCost(), base.priced(), base.latencyMs(), base.cacheHit(),
                base.fallbackUsed(), base.attempts(), base.status(), base.errorType(), "economy",
                "gemini/gemini-1.5-flash", LearnerFeatureText.encode(FeatureVector.of(PROMPT).toArray())));
        FeedbackEntry entry = new FeedbackEntry(UUID.randomUUID().toString(), base.id(), at, "alice",
                failed ? 1 : 5, null, null, failed ? FeedbackEntry.WEAK_FAILED : FeedbackEntry.WEAK_SUCCEEDED);
        ledger.appendFeedback(entry);
        return entry;
    }

    /** A time the lessons of a history start at: in the past, as every lesson is to the instance reading it. */
    private Instant longAgo() {
        return clock.instant().minus(Duration.ofDays(2));
    }

    private long examples() {
        return learner.estimate(PROMPT).examples();
    }

    /** Runs what estimates handed to the background executor. */
    private void runBackground() {
        List<Runnable> due = List.copyOf(background);
        background.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void estimatesStartAReadInTheBackgroundAtMostOnceAMinute() {
        lesson(clock.instant(), true);

        learning.learner().estimate(PROMPT);
        assertEquals(0, examples(), "the estimate did not wait for the ledger");
        assertEquals(1, background.size());
        runBackground();
        assertEquals(1, examples());

        lesson(clock.instant(), true);
        clock.advance(Duration.ofSeconds(59));
        learning.learner().estimate(PROMPT);
        assertEquals(0, background.size(), "the last read is less than a minute old");

        clock.advance(Duration.ofSeconds(1));
        learning.learner().estimate(PROMPT);
        runBackground();
        assertEquals(2, examples());
        assertEquals(2, learning.lessonsApplied());
    }

    @Test
    void aReadThatIsStillRunningIsNotStartedAgain() {
        learning.learner().estimate(PROMPT);
        clock.advance(Duration.ofMinutes(2));
        learning.learner().estimate(PROMPT);

        assertEquals(1, background.size());
    }

    @Test
    void aRejectedReadIsTriedAgainOnceDue() {
        int[] offered = {0};
        LedgerLearning flaky = new LedgerLearning(learner, () -> ledger, clock, task -> {
            if (offered[0]++ == 0) {
                throw new RejectedExecutionException("shutting down");
            }
            background.add(task);
        });
        flaky.learner().estimate(PROMPT);
        clock.advance(LedgerLearning.MAX_AGE);
        flaky.learner().estimate(PROMPT);

        assertEquals(2, offered[0]);
        assertEquals(1, background.size(), "the rejection did not leave a read marked as running");
    }

    @Test
    void overlappingReadsApplyEachLessonOnceInTheLedgersOrder() {
        LogisticDifficultyLearner inOrder = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        double[] features = FeatureVector.of(PROMPT).toArray();
        for (int i = 0; i < 6; i++) {
            lesson(clock.instant().plusSeconds(i), i % 3 == 0);
            inOrder.observe(features, i % 3 == 0);
        }

        assertEquals(6, learning.refresh());
        assertEquals(0, learning.refresh(), "the second read overlaps the first by the late window");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(0, learning.refresh());

        assertArrayEquals(inOrder.toBytes(), learner.toBytes(), "the same lessons, in the same order, once");
    }

    @Test
    void aLessonWrittenLateWithinTheWindowIsStillLearnedOnce() {
        Instant now = clock.instant();
        lesson(now, true);
        assertEquals(1, learning.refresh());

        lesson(now.minus(LedgerLearning.LATE_WINDOW).plusSeconds(1), false);

        assertEquals(1, learning.refresh());
        assertEquals(0, learning.refresh());
        assertEquals(2, examples());
    }

    @Test
    void aLessonStampedByAFastClockDoesNotMoveTheReadPastLessonsStillToCome() {
        Instant now = clock.instant();
        lesson(now.plus(Duration.ofMinutes(10)), true); // from an instance whose clock is ten minutes fast
        assertEquals(1, learning.refresh());

        clock.advance(Duration.ofMinutes(2));
        lesson(now.plus(Duration.ofMinutes(1)), false); // rightly stamped, written a minute after it began

        assertEquals(1, learning.refresh(), "the read starts five minutes before this instance's now, not the fast one's");
        assertEquals(2, examples());
    }

    @Test
    void aRequestTeachesOnceEvenWhenAnEarlierLessonOnItCommitsAfterTheFirstWasApplied() {
        Instant now = clock.instant();
        FeedbackEntry first = lesson(now, true);
        assertEquals(1, learning.refresh());

        // Another instance recorded a lesson on the same request at the same moment; it was created a little
        // earlier but committed later, so the ledger now names it the request's first lesson.
        ledger.appendFeedback(new FeedbackEntry(UUID.randomUUID().toString(), first.requestId(), now.minusSeconds(2),
                "alice", 5, null, null, FeedbackEntry.WEAK_SUCCEEDED));

        assertEquals(0, learning.refresh());
        assertEquals(1, examples());
        assertEquals(1, learning.lessonsApplied());
    }

    @Test
    void morePagesThanOneAreAllReadEvenWhenTheyShareATimestamp() {
        int lessons = LedgerLearning.PAGE * 2 + 7;
        for (int i = 0; i < lessons; i++) {
            lesson(clock.instant(), i % 2 == 0);
        }

        assertEquals(lessons, learning.refresh());
        assertEquals(0, learning.refresh());
        assertEquals(lessons, examples());
    }

    @Test
    void aColdReadOfALongHistoryRemembersOnlyTheLateWindowNotEveryLesson() {
        int lessons = LedgerLearning.PAGE * 3;
        Instant start = longAgo();
        for (int i = 0; i < lessons; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 2 == 0);
        }
        List<Integer> rememberedPerPage = new ArrayList<>();
        LedgerLearning[] cold = new LedgerLearning[1];
        cold[0] = new LedgerLearning(new LogisticDifficultyLearner(LearnerOptions.DEFAULTS), () -> {
            rememberedPerPage.add(cold[0].remembered()); // the ledger is asked once a page
            return ledger;
        }, clock, Runnable::run);

        assertEquals(lessons, cold[0].refresh());

        long window = LedgerLearning.LATE_WINDOW.toMinutes();
        assertTrue(rememberedPerPage.stream().allMatch(n -> n <= window + 1), rememberedPerPage.toString());
        assertTrue(cold[0].remembered() <= window + 1, "after the read: " + cold[0].remembered());
        assertEquals(0, cold[0].refresh(), "and a re-read still applies nothing twice");
    }

    @Test
    void aNewInstanceStartsFromTheNewestCheckpointAndLearnsWhatAFullReadWould() {
        Instant start = longAgo();
        for (int i = 0; i < 40; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 3 == 0);
        }
        learning.refresh(); // saves a checkpoint of the lessons settled by now
        assertEquals(1, ledger.checkpoints.size());
        LearnerCheckpoint checkpoint = ledger.checkpoints.get(0);
        assertEquals(34, checkpoint.lessons(), "those created before the newest's late window (minute 39 less 5)");
        for (int i = 40; i < 55; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 4 == 0);
        }
        DifficultyLearner fromScratch = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        ledger.checkpoints.clear();
        LedgerLearning everything = new LedgerLearning(fromScratch, () -> ledger, clock, Runnable::run);
        everything.refresh();
        ledger.checkpoints.clear();
        ledger.checkpoints.add(checkpoint);
        DifficultyLearner restored = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        LedgerLearning fromCheckpoint = new LedgerLearning(restored, () -> ledger, clock, Runnable::run);

        assertEquals(55 - checkpoint.lessons(), fromCheckpoint.refresh(), "only the lessons after the checkpoint");
        assertEquals(55, fromCheckpoint.lessonsApplied());
        assertEquals(everything.learner().estimate(PROMPT).failureProbability(),
                fromCheckpoint.learner().estimate(PROMPT).failureProbability(), 1e-12);
        assertEquals(everything.learner().estimate(PROMPT).examples(), fromCheckpoint.learner().estimate(PROMPT).examples());
        assertEquals(0, fromCheckpoint.refresh(), "and a re-read applies nothing twice");
    }

    @Test
    void aCheckpointLearnedWithOtherSettingsIsNotUsed() {
        Instant start = longAgo();
        for (int i = 0; i < 20; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 2 == 0);
        }
        learning.refresh();
        assertEquals(1, ledger.checkpoints.size());
        LearnerOptions other = new LearnerOptions(LearnerOptions.DEFAULTS.learningRate() * 2, LearnerOptions.DEFAULTS.l2(),
                LearnerOptions.DEFAULTS.lengthPrior(), LearnerOptions.DEFAULTS.evidenceScale());
        LedgerLearning otherSettings = new LedgerLearning(new LogisticDifficultyLearner(other), () -> ledger, clock,
                Runnable::run);

        assertEquals(20, otherSettings.refresh(), "every lesson, read afresh");
    }

    @Test
    void aCheckpointGrownFromAnotherStartingStateIsNotUsed() {
        Instant start = longAgo();
        for (int i = 0; i < 20; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 2 == 0);
        }
        learning.refresh();
        DifficultyLearner pretrained = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        pretrained.observe(PROMPT, true); // a configured state, as SWITCHBOARD_ROUTING_LEARNING_STATE gives

        assertEquals(20, new LedgerLearning(pretrained, () -> ledger, clock, Runnable::run).refresh(),
                "every lesson, on top of its own start");
    }

    @Test
    void aLessonWrittenLateIsLearnedByRunningInstancesAndByEveryCheckpointSavedAfterIt() {
        Instant start = longAgo();
        for (int i = 0; i < 40; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), false);
        }
        learning.refresh(); // a checkpoint after minute 33
        // An observed failure parked in the outbox during an outage, drained now: dated by its writing.
        LedgerEntry late = LedgerEntries.ok(start.plus(Duration.ofMinutes(10)).plusSeconds(30)).build();
        ledger.append(new LedgerEntry(late.id(), late.createdAt(), late.principal(), late.endpoint(), late.strategy(),
                late.confidence(), late.pattern(), late.complexity(), late.provider(), late.model(), late.tokensIn(),
                late.tokensOut(), late.cost(), late.baselineCost(), late.priced(), late.latencyMs(), false, false, 1,
                LedgerEntry.OK, null, "economy", "gemini/gemini-1.5-flash",
                LearnerFeatureText.encode(FeatureVector.of(PROMPT).toArray()), FeedbackEntry.WEAK_FAILED,
                ObservedFailure.EMPTY));

        assertEquals(1, learning.refresh(), "the running instance reads it");
        assertEquals(41, learning.lessonsApplied());
        clock.advance(LedgerLearning.CHECKPOINT_EVERY);
        learning.refresh(); // and may save a checkpoint again
        LedgerLearning cold = new LedgerLearning(new LogisticDifficultyLearner(LearnerOptions.DEFAULTS),
                () -> ledger, clock, Runnable::run);
        cold.refresh();

        assertEquals(41, cold.lessonsApplied(), "every lesson, the late one included, whichever checkpoint it starts from");
        assertEquals(learner.estimate(PROMPT).failureProbability(), cold.learner().estimate(PROMPT).failureProbability(),
                1e-9);
    }

    @Test
    void aNewerCheckpointOfAnotherOriginDoesNotHideThisOriginsOwn() {
        Instant start = longAgo();
        for (int i = 0; i < 40; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 3 == 0);
        }
        learning.refresh(); // default origin, after minute 33 (34 lessons)
        for (int i = 40; i < 55; i++) {
            lesson(start.plus(Duration.ofMinutes(i)), i % 4 == 0);
        }
        clock.advance(Duration.ofMinutes(11));
        DifficultyLearner pretrained = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        pretrained.observe(PROMPT, true);
        new LedgerLearning(pretrained, () -> ledger, clock, Runnable::run).refresh(); // another origin, further along
        assertEquals(2, ledger.checkpoints.size());
        LedgerLearning cold = new LedgerLearning(new LogisticDifficultyLearner(LearnerOptions.DEFAULTS),
                () -> ledger, clock, Runnable::run);

        assertEquals(55 - 34, cold.refresh(), "it starts from its own origin's checkpoint");
    }

    @Test
    void aLedgerOutageDelaysLearningAndLosesNothing() {
        lesson(clock.instant(), true);
        ledger.down = true;

        assertEquals(0, learning.refresh());

        ledger.down = false;
        assertEquals(1, learning.refresh());
        assertEquals(1, examples());
    }
}
