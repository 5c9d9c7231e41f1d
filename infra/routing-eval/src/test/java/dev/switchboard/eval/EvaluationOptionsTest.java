package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluationOptionsTest {

    @Test
    void pathOptionsTakeEveryArgumentUpToTheNextOptionAndMayRepeat() {
        EvaluationOptions options = EvaluationOptions.parse(
                "--train", "a.csv", "b", "--test", "c.csv", "--router", "length", "--train", "d", "--seed", "42",
                "--png", "out/x.png");
        assertEquals(List.of(Path.of("a.csv"), Path.of("b"), Path.of("d")), options.train().stream().map(DataPath::path).toList());
        assertEquals(List.of(Path.of("c.csv")), options.test().stream().map(DataPath::path).toList());
        assertEquals("length", options.router());
        assertEquals(42L, options.seed());
        assertEquals(Path.of("out/x.png"), options.png());
    }

    @Test
    void defaultsToTheLearnedRouterSeedZeroAndTheTargetChart() {
        EvaluationOptions options = EvaluationOptions.parse("--train", "a", "--test", "b");
        assertEquals(RouterCatalog.LEARNED, options.router());
        assertEquals(0L, options.seed());
        assertEquals(Path.of("target/cost-quality.png"), options.png());
        assertEquals(Optional.empty(), options.saveState());
    }

    @Test
    void saveStateTakesAFile() {
        assertEquals(Optional.of(Path.of("out/learner.state")),
                EvaluationOptions.parse("--train", "a", "--test", "b", "--save-state", "out/learner.state").saveState());
        assertEquals("--save-state needs a value", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.parse("--train", "a", "--test", "b", "--save-state")).getMessage());
    }

    @Test
    void anEmptyFileNameIsAUsageError() {
        // Path.of("") is the working folder: the chart or state would be written over a directory.
        for (String option : List.of("--png", "--save-state")) {
            assertEquals(option + " needs a file name, found an empty string", assertThrows(IllegalArgumentException.class,
                    () -> EvaluationOptions.parse("--train", "a", "--test", "b", option, "")).getMessage());
        }
    }

    @Test
    void reportsWhatIsWrong() {
        assertEquals("--test needs at least one path",
                assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.parse("--train", "a")).getMessage());
        assertEquals("--train needs at least one path",
                assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.parse("--train", "--test", "b")).getMessage());
        assertEquals("--seed must be an integer, found \"x\"",
                assertThrows(IllegalArgumentException.class,
                        () -> EvaluationOptions.parse("--train", "a", "--test", "b", "--seed", "x")).getMessage());
        assertEquals("unknown argument \"--bogus\"",
                assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.parse("--bogus")).getMessage());
        assertEquals("--router needs a value",
                assertThrows(IllegalArgumentException.class, () -> EvaluationOptions.parse("--router")).getMessage());
    }

    @Test
    void pathsMayNameAPartOfThemselvesCutWithTheSplitSeed() {
        EvaluationOptions options = EvaluationOptions.parse(
                "--train", "mmlu", "gsm8k@1/2", "--test", "gsm8k@2/2", "--split-seed", "9");
        assertEquals(List.of(DataPath.whole(Path.of("mmlu")), new DataPath(Path.of("gsm8k"), 1, 2)), options.train());
        assertEquals(List.of(new DataPath(Path.of("gsm8k"), 2, 2)), options.test());
        assertEquals(9L, options.splitSeed());
        assertEquals(0L, EvaluationOptions.parse("--train", "a", "--test", "b").splitSeed());
        assertEquals("--split-seed must be an integer, found \"x\"", assertThrows(IllegalArgumentException.class,
                () -> EvaluationOptions.parse("--train", "a", "--test", "b", "--split-seed", "x")).getMessage());
    }
}
