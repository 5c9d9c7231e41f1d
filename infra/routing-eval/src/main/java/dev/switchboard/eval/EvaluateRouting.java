package dev.switchboard.eval;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The routing-quality evaluator of DESIGN.md's contract: trains a router on RouteLLM-format prompts, sweeps
 * the strong-model threshold on held-out prompts, prints APGR / CPT(50%) / CPT(80%) beside a random and a
 * length baseline, writes the cost-quality chart, and ends with {@code APGR=<x> CPT50=<y> CPT80=<z>} for the
 * chosen router on all test sets pooled.
 */
public final class EvaluateRouting {

    private EvaluateRouting() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err, RouterCatalog.discover()));
    }

    /** Runs the evaluation; returns the process exit code (0 ok, 1 bad data or unwritable output, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream err, RouterCatalog catalog) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            out.println(EvaluationOptions.USAGE);
            return 0;
        }
        EvaluationOptions options;
        RouterUnderTest chosen;
        try {
            options = EvaluationOptions.parse(args);
            chosen = catalog.create(options.router(), options.seed()); // an unknown router fails before reading data
            if (options.saveState().isPresent() && !(chosen instanceof StatefulRouter)) {
                throw new IllegalArgumentException("--save-state: the " + options.router()
                        + " router has no state to save");
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(EvaluationOptions.USAGE);
            return 2;
        }
        try {
            evaluate(options, chosen, out, catalog);
            return 0;
        } catch (MalformedDataException | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static void evaluate(EvaluationOptions options, RouterUnderTest chosen, PrintStream out,
                                 RouterCatalog catalog) {
        RouteLlmCsv reader = new RouteLlmCsv();
        List<PromptSet> trainSets = read(reader, options.train(), options.splitSeed());
        List<LabelledPrompt> train = new ArrayList<>();
        trainSets.forEach(set -> train.addAll(set.prompts()));
        List<PromptSet> testSets = read(reader, options.test(), options.splitSeed());

        out.println(describe("train", trainSets));
        out.println(describe("test", testSets));
        long leaked = leakedTestPrompts(train, testSets);
        if (leaked > 0) {
            out.printf(Locale.ROOT, "warning: %d test prompts also occur verbatim in the training data%n", leaked);
        }
        out.printf(Locale.ROOT, "router: %s, seed %d%n%n", options.router(), options.seed());

        EvaluationResult result = RoutingEvaluation.run(train, testSets, catalog, options.router(), chosen,
                options.seed());
        out.print(ReportTable.render(result));
        CostQualityChart.write(result.pooled(), options.png());
        out.println();
        out.println("chart: " + options.png());
        options.saveState().ifPresent(file -> {
            byte[] state = ((StatefulRouter) chosen).state();
            StateFile.write(file, state);
            out.printf(Locale.ROOT, "state: %s (%d bytes)%n", file, state.length);
        });
        out.println(ReportTable.contractLine(result.chosenOnPool()));
    }

    private static List<PromptSet> read(RouteLlmCsv reader, List<DataPath> paths, long splitSeed) {
        return paths.stream().map(p -> {
            PromptSet whole = reader.read(p.path());
            return p.isWhole() ? whole : PromptSplit.part(whole, p.part(), p.parts(), splitSeed);
        }).toList();
    }

    private static String describe(String role, List<PromptSet> sets) {
        int prompts = sets.stream().mapToInt(PromptSet::size).sum();
        int dropped = sets.stream().mapToInt(PromptSet::contaminatedDropped).sum();
        return String.format(Locale.ROOT, "%-5s: %d prompts from %d path(s), %d contaminated prompts dropped",
                role, prompts, sets.size(), dropped);
    }

    /** Exact-text overlap: a router that memorises its training prompts would look better than it is. */
    private static long leakedTestPrompts(List<LabelledPrompt> train, List<PromptSet> testSets) {
        Set<String> seen = new HashSet<>();
        train.forEach(p -> seen.add(p.prompt()));
        return testSets.stream().flatMap(s -> s.prompts().stream()).filter(p -> seen.contains(p.prompt())).count();
    }
}
