package dev.switchboard.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line: {@code --train PATH... --test PATH... [--router NAME] [--png PATH] [--seed N]
 * [--split-seed N] [--save-state PATH]}. An option that takes paths takes every following argument up to the next option, so
 * shell globs work; a path may name part K of N of itself as {@code PATH@K/N} ({@link DataPath}).
 */
public record EvaluationOptions(List<DataPath> train, List<DataPath> test, String router, Path png, long seed,
                                long splitSeed, Optional<Path> saveState) {

    public static final String DEFAULT_ROUTER = RouterCatalog.LEARNED;
    public static final Path DEFAULT_PNG = Path.of("target", "cost-quality.png");

    public static final String USAGE = """
            usage: routing-eval --train PATH... --test PATH... [--router length|random|learned] [--png FILE] [--seed N]
                                [--split-seed N] [--save-state FILE]
              --train   RouteLLM CSV files or folders of them (recursively) to train the router on
              --test    CSV files or folders; each is evaluated alone, then pooled by folder and all together
                        (any PATH may be PATH@K/N: part K of N disjoint parts of its prompts)
              --router  the router to evaluate besides the random and length baselines (default: learned)
              --png     where to write the cost-quality chart (default: target/cost-quality.png)
              --seed    seed for the random baseline and any router that uses randomness (default: 0)
              --split-seed  seed of the shuffle that cuts PATH@K/N parts (default: 0)
              --save-state  after training, write the router's state to FILE (parent folders created), for
                        the gateway's switchboard.routing.learning.state setting (learned router only)""";

    public EvaluationOptions {
        train = List.copyOf(train);
        test = List.copyOf(test);
        Objects.requireNonNull(saveState, "saveState");
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static EvaluationOptions parse(String... args) {
        List<DataPath> train = new ArrayList<>();
        List<DataPath> test = new ArrayList<>();
        String router = DEFAULT_ROUTER;
        Path png = DEFAULT_PNG;
        long seed = 0;
        long splitSeed = 0;
        Optional<Path> saveState = Optional.empty();
        int i = 0;
        while (i < args.length) {
            String option = args[i++];
            switch (option) {
                case "--train" -> i = paths(args, i, option, train);
                case "--test" -> i = paths(args, i, option, test);
                case "--router" -> router = value(args, i++, option);
                case "--png" -> png = file(args, i++, option);
                case "--seed" -> seed = seed(option, value(args, i++, option));
                case "--split-seed" -> splitSeed = seed(option, value(args, i++, option));
                case "--save-state" -> saveState = Optional.of(file(args, i++, option));
                default -> throw new IllegalArgumentException("unknown argument \"" + option + "\"");
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("--train needs at least one path");
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException("--test needs at least one path");
        }
        return new EvaluationOptions(train, test, router, png, seed, splitSeed, saveState);
    }

    private static int paths(String[] args, int from, String option, List<DataPath> into) {
        int i = from;
        while (i < args.length && !args[i].startsWith("--")) {
            into.add(DataPath.parse(args[i++]));
        }
        if (i == from) {
            throw new IllegalArgumentException(option + " needs at least one path");
        }
        return i;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** An empty name would be the working folder, found only after the whole evaluation has run. */
    private static Path file(String[] args, int index, String option) {
        String name = value(args, index, option);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a file name, found an empty string");
        }
        return Path.of(name);
    }

    private static long seed(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, found \"" + value + "\"");
        }
    }
}
