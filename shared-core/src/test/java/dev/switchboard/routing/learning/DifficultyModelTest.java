package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifficultyModelTest {

    /** Long prompts fail, short ones do not, with some noise: a model must rank long above short. */
    private static DifficultyModel trainedOnLengthRule(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> features = new ArrayList<>();
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int words = 5 + random.nextInt(300);
            features.add(DifficultyFeatures.of("word ".repeat(words)));
            failed.add(words > 150 ^ random.nextInt(10) == 0);
        }
        return DifficultyModel.train(features, failed, TrainingOptions.DEFAULTS);
    }

    @Test
    void learnsWhichPromptsTheCheapModelFails() {
        DifficultyModel model = trainedOnLengthRule(3);

        double shortPrompt = model.failureProbability(DifficultyFeatures.of("word ".repeat(20)));
        double longPrompt = model.failureProbability(DifficultyFeatures.of("word ".repeat(280)));

        assertTrue(shortPrompt < 0.3, "short " + shortPrompt);
        assertTrue(longPrompt > 0.7, "long " + longPrompt);
        assertEquals(400, model.examples());
    }

    @Test
    void theSameExamplesAndSeedGiveTheSameModel() {
        assertArrayEquals(trainedOnLengthRule(3).toBytes(), trainedOnLengthRule(3).toBytes());
    }

    @Test
    void itsStateRoundTripsThroughBytes() {
        DifficultyModel model = trainedOnLengthRule(5);
        double[] probe = DifficultyFeatures.of("Explain, with numbers 1 2 3, why\nthis \"fails\".");

        DifficultyModel copy = DifficultyModel.fromBytes(model.toBytes());

        assertEquals(model.failureProbability(probe), copy.failureProbability(probe));
        assertEquals(model.examples(), copy.examples());
    }

    @Test
    void refusesStateThatIsNotItsOwn() {
        byte[] state = trainedOnLengthRule(5).toBytes();

        assertThrows(IllegalArgumentException.class, () -> DifficultyModel.fromBytes(new byte[]{1, 2, 3}));
        assertThrows(IllegalArgumentException.class,
                () -> DifficultyModel.fromBytes(Arrays.copyOf(state, state.length - 1)));
        assertThrows(IllegalArgumentException.class,
                () -> DifficultyModel.fromBytes(Arrays.copyOf(state, state.length + 1)));
        byte[] nanWeight = state.clone();
        java.nio.ByteBuffer.wrap(nanWeight).putDouble(nanWeight.length - 8, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> DifficultyModel.fromBytes(nanWeight));
    }

    @Test
    void refusesMismatchedTrainingInput() {
        assertThrows(IllegalArgumentException.class,
                () -> DifficultyModel.train(List.of(), List.of(), TrainingOptions.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> DifficultyModel.train(
                List.of(DifficultyFeatures.of("a")), List.of(true, false), TrainingOptions.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> DifficultyModel.train(
                List.of(new double[]{1, 2}), List.of(true), TrainingOptions.DEFAULTS));
    }
}
