package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticDifficultyLearnerTest {

    /** No length prior, so that what is asserted is what was learned. */
    private static final LearnerOptions PLAIN = new LearnerOptions(0.05, 1e-3, 0, 100);

    private static final String EASY_PROBE = "Name a colour of the sky, please.";
    private static final String HARD_PROBE = "Compute 17 * 23 + 4 / 9 - 41 and 88 then 6.";

    /** Prompts full of numbers fail, wordy ones do not; one label in ten flipped. */
    private static List<LabelledOutcome> numbersAreHard(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledOutcome> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean hard = random.nextBoolean();
            String prompt = hard
                    ? "Compute " + random.nextInt(100) + " * " + random.nextInt(100) + " + " + random.nextInt(9) + " and " + i
                    : "Name a colour of the " + "sky and sea ".repeat(1 + random.nextInt(4));
            examples.add(new LabelledOutcome(prompt, hard ^ random.nextInt(10) == 0));
        }
        return examples;
    }

    private static final String OPTIONS = "\nA. one\nB. two\nC. three\nD. four";
    private static final String CHOICE_PROBE = "Which is 7? Pick one." + OPTIONS;

    /** Exam questions with options: long stems fail, short ones do not (the open rule does not apply). */
    private static List<LabelledOutcome> longStemsAreHard(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledOutcome> examples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean hard = random.nextBoolean();
            String stem = hard ? "Consider the passage about the war and its causes. ".repeat(3 + random.nextInt(3))
                    : "Which is " + i + "?" + " Pick one.".repeat(random.nextInt(3));
            examples.add(new LabelledOutcome(stem + OPTIONS, hard));
        }
        return examples;
    }

    private static LogisticDifficultyLearner fitted(long seed) {
        return LogisticDifficultyLearner.fit(numbersAreHard(seed, 400), 10, new SplittableRandom(seed), PLAIN);
    }

    @Test
    void withNoDataItKnowsNothingAndSaysSo() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(PLAIN);

        assertEquals(DifficultyEstimate.unknown(), learner.estimate(HARD_PROBE));
        assertEquals(DifficultyEstimate.unknown(), LogisticDifficultyLearner.fromBytes(learner.toBytes()).estimate(""));
    }

    @Test
    void onlineObservationsMoveTheEstimateTheRightWay() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(PLAIN);
        for (LabelledOutcome example : numbersAreHard(1, 300)) {
            learner.observe(example.prompt(), example.weakModelFailed());
        }
        double hard = learner.estimate(HARD_PROBE).failureProbability();
        double easy = learner.estimate(EASY_PROBE).failureProbability();

        assertTrue(hard > 0.7 && easy < 0.3, "hard " + hard + ", easy " + easy);
        assertEquals(300, learner.estimate(HARD_PROBE).examples());

        for (int i = 0; i < 200; i++) {
            learner.observe(EASY_PROBE, true); // feedback: this kind of prompt fails after all
        }
        assertTrue(learner.estimate(EASY_PROBE).failureProbability() > easy + 0.3);
    }

    @Test
    void batchFittingLearnsTheRuleAndIsDeterministic() {
        LogisticDifficultyLearner learner = fitted(3);

        assertTrue(learner.estimate(HARD_PROBE).failureProbability() > 0.7);
        assertTrue(learner.estimate(EASY_PROBE).failureProbability() < 0.3);
        assertEquals(400, learner.estimate(EASY_PROBE).examples());
        assertArrayEquals(fitted(3).toBytes(), learner.toBytes());
        assertTrue(!Arrays.equals(fitted(4).toBytes(), learner.toBytes()));
    }

    @Test
    void theLengthPriorRaisesLongPromptsAboveShortOnesItCannotTellApart() {
        List<LabelledOutcome> coinFlips = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            coinFlips.add(new LabelledOutcome("word ".repeat(1 + random.nextInt(50)), i % 2 == 0));
        }
        LearnerOptions prior = new LearnerOptions(0.05, 1e-3, 1.0, 100);
        LogisticDifficultyLearner learner = LogisticDifficultyLearner.fit(coinFlips, 5, new SplittableRandom(1), prior);

        assertTrue(learner.estimate("word ".repeat(50)).failureProbability()
                > learner.estimate("word ".repeat(2)).failureProbability() + 0.3);
    }

    @Test
    void itsStateRoundTripsExactlyAndKeepsLearningTheSame() {
        List<LabelledOutcome> mixed = new ArrayList<>(numbersAreHard(5, 300));
        mixed.addAll(longStemsAreHard(5, 100));
        LogisticDifficultyLearner learner = LogisticDifficultyLearner.fit(mixed, 5, new SplittableRandom(5), PLAIN);
        LogisticDifficultyLearner copy = LogisticDifficultyLearner.fromBytes(learner.toBytes());

        assertEquals(learner.estimate(HARD_PROBE), copy.estimate(HARD_PROBE));
        assertEquals(learner.estimate(CHOICE_PROBE), copy.estimate(CHOICE_PROBE));
        assertEquals(learner.options(), copy.options());
        learner.observe(EASY_PROBE, true);
        copy.observe(EASY_PROBE, true);
        learner.observe(CHOICE_PROBE, true);
        copy.observe(CHOICE_PROBE, true);
        assertArrayEquals(learner.toBytes(), copy.toBytes());
    }

    @Test
    void refusesBadTruncatedOrForeignState() {
        byte[] state = fitted(5).toBytes();

        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(null));
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(new byte[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticDifficultyLearner.fromBytes(Arrays.copyOf(state, state.length - 1)));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticDifficultyLearner.fromBytes(Arrays.copyOf(state, state.length + 1)));
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(with(state, 4, 1)));  // shared-shape version
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(with(state, 4, 3)));  // version
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(with(state, 8, 7)));  // width
        byte[] nanWeight = state.clone();
        ByteBuffer.wrap(nanWeight).putDouble(nanWeight.length - 8, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(nanWeight));
        byte[] badOptions = state.clone();
        ByteBuffer.wrap(badOptions).putDouble(12, -1); // learning rate
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(badOptions));
        byte[] negativeCount = state.clone();
        ByteBuffer.wrap(negativeCount).putLong(LearnerStateCodec.FIRST_SHAPE + LearnerStateCodec.SHAPE_SIZE, -1);
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(negativeCount));
        byte[] valuesWithoutExamples = state.clone(); // fitted(5) saw no multiple-choice prompt
        ByteBuffer.wrap(valuesWithoutExamples).putDouble(LearnerStateCodec.FIRST_SHAPE + 8, 1.5);
        assertThrows(IllegalArgumentException.class, () -> LogisticDifficultyLearner.fromBytes(valuesWithoutExamples));
    }

    @Test
    void refusesStateWhoseShapeBlocksAreSwapped() {
        byte[] state = fitted(5).toBytes(); // open prompts only: the multiple-choice block is empty
        byte[] swapped = state.clone();
        int choice = LearnerStateCodec.FIRST_SHAPE;
        int open = choice + LearnerStateCodec.SHAPE_SIZE;
        System.arraycopy(state, open, swapped, choice, LearnerStateCodec.SHAPE_SIZE);
        System.arraycopy(state, choice, swapped, open, LearnerStateCodec.SHAPE_SIZE);

        assertEquals(LearnerStateCodec.SIZE, state.length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticDifficultyLearner.fromBytes(swapped));
        assertTrue(e.getMessage().contains("other shape"), e.getMessage());
    }

    private static byte[] with(byte[] state, int offset, int value) {
        byte[] copy = state.clone();
        ByteBuffer.wrap(copy).putInt(offset, value);
        return copy;
    }

    @Test
    void certaintyGrowsWithEvidenceAndFallsForPromptsUnlikeTheTrainingData() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(PLAIN);
        List<LabelledOutcome> examples = numbersAreHard(7, 1000);
        double previous = 0;
        for (int i = 0; i < examples.size(); i++) {
            learner.observe(examples.get(i).prompt(), examples.get(i).weakModelFailed());
            if (i == 9 || i == 99 || i == 999) {
                double certainty = learner.estimate(EASY_PROBE).certainty();
                assertTrue(certainty > previous, "certainty after " + (i + 1) + ": " + certainty);
                previous = certainty;
            }
        }
        assertTrue(previous > 0.85, "certainty of a familiar prompt after 1,000 outcomes: " + previous);
        // Ten times longer than anything seen: far out of distribution for its (open) shape.
        String unlike = "Which of these is NOT right? " + "An essay of many words. ".repeat(60);
        assertTrue(learner.estimate(unlike).certainty() < previous / 3,
                "certainty out of distribution: " + learner.estimate(unlike).certainty());
        // Multiple-choice prompts were never seen: no evidence for that shape at all.
        assertEquals(new DifficultyEstimate(0.5, 1000, 0), learner.estimate(CHOICE_PROBE));
    }

    @Test
    void eachShapeCountsItsOwnEvidence() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(PLAIN);
        for (LabelledOutcome example : longStemsAreHard(2, 100)) {
            learner.observe(example.prompt(), example.weakModelFailed());
        }
        double choiceAfter100 = learner.estimate(CHOICE_PROBE).certainty();
        for (LabelledOutcome example : numbersAreHard(2, 900)) {
            learner.observe(example.prompt(), example.weakModelFailed());
        }

        // 100 outcomes at evidence scale 100: half certain at most, however many open prompts follow.
        assertTrue(choiceAfter100 > 0.3 && choiceAfter100 <= 0.5, "multiple-choice certainty " + choiceAfter100);
        assertEquals(choiceAfter100, learner.estimate(CHOICE_PROBE).certainty());
        assertTrue(learner.estimate(EASY_PROBE).certainty() > 0.85, "open certainty " + learner.estimate(EASY_PROBE));
        assertEquals(1000, learner.estimate(CHOICE_PROBE).examples());
    }

    @Test
    void oneShapesOutcomesNeverMoveTheOthersEstimates() {
        LogisticDifficultyLearner learner = fitted(6);
        DifficultyEstimate hard = learner.estimate(HARD_PROBE);
        DifficultyEstimate easy = learner.estimate(EASY_PROBE);
        for (LabelledOutcome example : longStemsAreHard(6, 300)) {
            learner.observe(example.prompt(), example.weakModelFailed());
        }

        // Statistics, bias and weights of open prompts are untouched: the same estimate to the bit.
        assertEquals(hard.failureProbability(), learner.estimate(HARD_PROBE).failureProbability());
        assertEquals(hard.certainty(), learner.estimate(HARD_PROBE).certainty());
        assertEquals(easy.failureProbability(), learner.estimate(EASY_PROBE).failureProbability());
        String longStem = "Consider the passage about the war and its causes. ".repeat(4) + OPTIONS;
        assertTrue(learner.estimate(longStem).failureProbability() > 0.7
                        && learner.estimate(CHOICE_PROBE).failureProbability() < 0.3,
                "long stem " + learner.estimate(longStem) + ", short " + learner.estimate(CHOICE_PROBE));
    }

    @Test
    void batchFittingKeepsTheShapesApart() {
        List<LabelledOutcome> mixed = new ArrayList<>(numbersAreHard(8, 400));
        mixed.addAll(longStemsAreHard(8, 400));
        LogisticDifficultyLearner both = LogisticDifficultyLearner.fit(mixed, 10, new SplittableRandom(8), PLAIN);
        LogisticDifficultyLearner openOnly = LogisticDifficultyLearner.fit(numbersAreHard(8, 400), 10,
                new SplittableRandom(8), PLAIN);

        // Multiple-choice is fitted first, so the open model sees a different shuffle; it still learns alike.
        assertTrue(both.estimate(HARD_PROBE).failureProbability() > 0.7
                && both.estimate(EASY_PROBE).failureProbability() < 0.3, "open: " + both.estimate(HARD_PROBE));
        assertTrue(both.estimate(CHOICE_PROBE).failureProbability() < 0.3, "choice: " + both.estimate(CHOICE_PROBE));
        assertEquals(0, openOnly.estimate(CHOICE_PROBE).certainty());
        assertEquals(800, both.estimate(CHOICE_PROBE).examples());
    }

    @Test
    void concurrentObservationsAreAllCountedAndEstimatesStayValid() throws Exception {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(PLAIN);
        List<LabelledOutcome> examples = numbersAreHard(11, 4000);
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int first = w;
            tasks.add(pool.submit(() -> {
                start.await();
                for (int i = first; i < examples.size(); i += writers) {
                    learner.observe(examples.get(i).prompt(), examples.get(i).weakModelFailed());
                }
                return null;
            }));
        }
        for (int r = 0; r < 2; r++) {
            tasks.add(pool.submit(() -> {
                start.await();
                long seen = 0;
                for (int i = 0; i < 4000; i++) {
                    DifficultyEstimate e = learner.estimate(i % 2 == 0 ? HARD_PROBE : EASY_PROBE);
                    assertTrue(e.examples() >= seen, "examples went backwards");
                    seen = e.examples();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> task : tasks) {
            task.get(60, TimeUnit.SECONDS); // rethrows any failed assertion
        }
        pool.shutdown();

        assertEquals(examples.size(), learner.estimate(HARD_PROBE).examples());
        assertTrue(learner.estimate(HARD_PROBE).failureProbability() > learner.estimate(EASY_PROBE).failureProbability());
    }

    @Test
    void refusesBadOptionsAndEpochs() {
        assertThrows(IllegalArgumentException.class, () -> new LearnerOptions(0, 0, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new LearnerOptions(0.1, -1, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new LearnerOptions(0.1, 0, Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> new LearnerOptions(0.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LogisticDifficultyLearner.fit(List.of(), 0, new SplittableRandom(1), PLAIN));
    }
}
