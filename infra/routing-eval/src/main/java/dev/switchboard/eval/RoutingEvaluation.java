package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Trains the chosen router and the baselines, scores every test set once, and measures each router on each
 * test set, on each benchmark folder pooled (held-out MMLU subjects together, say) and on all sets pooled.
 */
public final class RoutingEvaluation {

    /** Seeds the random baseline is averaged over: one random curve is too noisy to compare against. */
    public static final int RANDOM_SEEDS = 20;
    public static final String RANDOM_LABEL = "random (mean of " + RANDOM_SEEDS + " seeds)";
    public static final String LENGTH_LABEL = LengthRouter.NAME;
    public static final String POOLED_ALL = "pooled: all test sets";

    private RoutingEvaluation() {
    }

    public static EvaluationResult run(List<LabelledPrompt> train, List<PromptSet> testSets,
                                       RouterCatalog catalog, String chosen, long seed) {
        // Create the chosen router first so that an unknown name fails before any work is done.
        return run(train, testSets, catalog, chosen, catalog.create(chosen, seed), seed);
    }

    /**
     * As {@link #run(List, List, RouterCatalog, String, long)} with the chosen router already created (fresh,
     * untrained), so that the caller can read its trained state afterwards.
     */
    public static EvaluationResult run(List<LabelledPrompt> train, List<PromptSet> testSets, RouterCatalog catalog,
                                       String chosen, RouterUnderTest chosenRouter, long seed) {
        // Untrained, the learner scores every prompt alike: the figures would be the random ones, not an error.
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the training set has no prompts left to train on");
        }
        if (testSets.isEmpty()) {
            throw new IllegalArgumentException("no test sets");
        }
        for (PromptSet set : testSets) {
            if (set.size() == 0) {
                throw new IllegalArgumentException("test set " + set.name() + " has no prompts left to evaluate");
            }
        }
        SplittableRandom seeds = new SplittableRandom(seed);
        List<ScoredRuns> routers = new ArrayList<>();
        routers.add(ScoredRuns.score(RANDOM_LABEL, () -> catalog.create(RandomRouter.NAME, seeds.nextLong()),
                RANDOM_SEEDS, train, testSets));
        routers.add(ScoredRuns.score(LENGTH_LABEL, () -> catalog.create(LengthRouter.NAME, seed), 1, train, testSets));
        String chosenLabel = chosenLabel(chosen, seed);
        if (!chosenLabel.equals(LENGTH_LABEL)) {
            routers.add(ScoredRuns.score(chosenLabel, () -> chosenRouter, 1, train, testSets));
        }

        List<GroupResult> groups = new ArrayList<>();
        for (Map.Entry<String, int[]> group : groups(testSets).entrySet()) {
            groups.add(measure(group.getKey(), group.getValue(), testSets, routers));
        }
        return new EvaluationResult(groups, chosenLabel);
    }

    static String chosenLabel(String chosen, long seed) {
        return RandomRouter.NAME.equals(chosen) ? "random (seed " + seed + ")" : chosen;
    }

    /** Each set, then each folder that holds several (but not all) sets, then everything. */
    private static Map<String, int[]> groups(List<PromptSet> testSets) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        for (int i = 0; i < testSets.size(); i++) {
            groups.put(uniqueName(groups, testSets.get(i).name()), new int[] {i});
        }
        Map<String, List<Integer>> byFolder = new LinkedHashMap<>();
        for (int i = 0; i < testSets.size(); i++) {
            byFolder.computeIfAbsent(testSets.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        if (byFolder.size() > 1) {
            byFolder.forEach((folder, members) -> {
                if (members.size() > 1) {
                    groups.put(uniqueName(groups, "pooled: " + folder + "/ (" + members.size() + " sets)"),
                            members.stream().mapToInt(Integer::intValue).toArray());
                }
            });
        }
        groups.put(POOLED_ALL, IntStream.range(0, testSets.size()).toArray());
        return groups;
    }

    private static String uniqueName(Map<String, int[]> groups, String name) {
        String unique = name;
        for (int n = 2; groups.containsKey(unique); n++) {
            unique = name + " #" + n;
        }
        return unique;
    }

    private static GroupResult measure(String name, int[] setIndexes, List<PromptSet> testSets, List<ScoredRuns> routers) {
        List<LabelledPrompt> labels = new ArrayList<>();
        for (int set : setIndexes) {
            labels.addAll(testSets.get(set).prompts());
        }
        List<RouterResult> results = routers.stream().map(r -> r.resultOn(setIndexes, labels)).toList();
        double weak = labels.stream().filter(LabelledPrompt::weakCorrect).count() / (double) labels.size();
        double strong = labels.stream().filter(LabelledPrompt::strongCorrect).count() / (double) labels.size();
        return new GroupResult(name, labels.size(), weak, strong, results);
    }
}
