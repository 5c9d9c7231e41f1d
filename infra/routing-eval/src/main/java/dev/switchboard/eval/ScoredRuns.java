package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A router's scores on every test set, for one or more independent runs (one run for a deterministic
 * router; one per seed for the random baseline), and its results on any pool of those sets.
 */
final class ScoredRuns {

    private final String label;
    /** runs.get(run)[set][prompt]. */
    private final List<double[][]> runs;

    private ScoredRuns(String label, List<double[][]> runs) {
        this.label = label;
        this.runs = runs;
    }

    /**
     * Trains each fresh router on {@code train} and scores every test set in order.
     *
     * @param routers one supplier call per run
     */
    static ScoredRuns score(String label, Supplier<RouterUnderTest> routers, int runCount,
                            List<LabelledPrompt> train, List<PromptSet> testSets) {
        List<double[][]> runs = new ArrayList<>(runCount);
        for (int run = 0; run < runCount; run++) {
            RouterUnderTest router = routers.get();
            router.train(List.copyOf(train));
            double[][] scores = new double[testSets.size()][];
            for (int set = 0; set < testSets.size(); set++) {
                List<LabelledPrompt> prompts = testSets.get(set).prompts();
                scores[set] = new double[prompts.size()];
                for (int i = 0; i < prompts.size(); i++) {
                    scores[set][i] = router.score(prompts.get(i).prompt());
                }
            }
            runs.add(scores);
        }
        return new ScoredRuns(label, runs);
    }

    /** The result on the pool of the given test sets (indexes into the scored list), over all runs. */
    RouterResult resultOn(int[] setIndexes, List<LabelledPrompt> pooledLabels) {
        List<QualityCurve> curves = new ArrayList<>(runs.size());
        for (double[][] run : runs) {
            curves.add(QualityMetrics.curve(pooled(run, setIndexes, pooledLabels.size()), pooledLabels));
        }
        List<MetricSummary> metrics = curves.stream().map(MetricSummary::of).toList();
        if (curves.size() == 1) {
            return new RouterResult(label, metrics.get(0), curves.get(0).points());
        }
        return new RouterResult(label, MetricSummary.mean(metrics), meanCurve(curves, pooledLabels.size()));
    }

    private static double[] pooled(double[][] run, int[] setIndexes, int size) {
        double[] scores = new double[size];
        int offset = 0;
        for (int set : setIndexes) {
            System.arraycopy(run[set], 0, scores, offset, run[set].length);
            offset += run[set].length;
        }
        return scores;
    }

    /** Pointwise mean PGR at every share k/n: where a random curve has its points when its scores do not tie. */
    private static List<CurvePoint> meanCurve(List<QualityCurve> curves, int n) {
        QualityCurve first = curves.get(0);
        List<CurvePoint> mean = new ArrayList<>(n + 1);
        for (int k = 0; k <= n; k++) {
            double share = (double) k / n;
            double pgr = curves.stream().mapToDouble(c -> c.pgrAt(share)).average().orElseThrow();
            double accuracy = first.weakAccuracy() + pgr * (first.strongAccuracy() - first.weakAccuracy());
            mean.add(new CurvePoint(share, accuracy, pgr));
        }
        return mean;
    }
}
