package dev.switchboard.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: {@code --train PATH... --test PATH... [--router NAME] [--png PATH] [--seed N]}.
 * An option that takes paths takes every following argument up to the next option, so shell globs work.
 */
public record EvaluationOptions(List<Path> train, List<Path> test, String router, Path png, long seed) {

    public static final String DEFAULT_ROUTER = RouterCatalog.LEARNED;
    public static final Path DEFAULT_PNG = Path.of("target", "cost-quality.png");

    public static final String USAGE = """
            usage: routing-eval --train PATH... --test PATH... [--router length|random|learned] [--png FILE] [--seed N]
              --train   RouteLLM CSV files or folders of them (recursively) to train the router on
              --test    CSV files or folders; each is evaluated alone, then pooled by folder and all together
              --router  the router to evaluate besides the random and length baselines (default: learned)
              --png     where to write the cost-quality chart (default: target/cost-quality.png)
              --seed    seed for the random baseline and any router that uses randomness (default: 0)""";

    public EvaluationOptions {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static EvaluationOptions parse(String... args) {
        List<Path> train = new ArrayList<>();
        List<Path> test = new ArrayList<>();
        String router = DEFAULT_ROUTER;
        Path png = DEFAULT_PNG;
        long seed = 0;
        int i = 0;
        while (i < args.length) {
            String option = args[i++];
            switch (option) {
                case "--train" -> i = paths(args, i, option, train);
                case "--test" -> i = paths(args, i, option, test);
                case "--router" -> router = value(args, i++, option);
                case "--png" -> png = Path.of(value(args, i++, option));
                case "--seed" -> seed = seed(value(args, i++, option));
                default -> throw new IllegalArgumentException("unknown argument \"" + option + "\"");
            }
        }
        if (train.isEmpty()) {
            throw new IllegalArgumentException("--train needs at least one path");
        }
        if (test.isEmpty()) {
            throw new IllegalArgumentException("--test needs at least one path");
        }
        return new EvaluationOptions(train, test, router, png, seed);
    }

    private static int paths(String[] args, int from, String option, List<Path> into) {
        int i = from;
        while (i < args.length && !args[i].startsWith("--")) {
            into.add(Path.of(args[i++]));
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

    private static long seed(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be an integer, found \"" + value + "\"");
        }
    }
}
