package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns a router's per-prompt scores into its cost-quality curve by sweeping the strong-model threshold
 * over every distinct score.
 *
 * <p>Prompts are taken in order of descending score. A threshold admits whole tie groups, because a router
 * cannot send one of two equally scored prompts to the strong model and not the other: a router that gives
 * every prompt the same score therefore has only the points (0, weak) and (1, strong), and the straight line
 * between them is what the metrics see. No point is invented inside a tie group.
 */
public final class QualityMetrics {

    private QualityMetrics() {
    }

    /**
     * @param scores one score per prompt, higher meaning more deserving of the strong model
     * @param labels the prompts' correctness labels, in the same order
     */
    public static QualityCurve curve(double[] scores, List<LabelledPrompt> labels) {
        int n = labels.size();
        if (scores.length != n) {
            throw new IllegalArgumentException(scores.length + " scores for " + n + " prompts");
        }
        if (n == 0) {
            throw new IllegalArgumentException("cannot evaluate a router on an empty test set");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("the router scored prompt " + i + " of "
                        + labels.get(i).source() + " as NaN");
            }
        }
        int weakCorrect = 0;
        int strongCorrect = 0;
        for (LabelledPrompt label : labels) {
            weakCorrect += label.weakCorrect() ? 1 : 0;
            strongCorrect += label.strongCorrect() ? 1 : 0;
        }
        double weakAccuracy = (double) weakCorrect / n;
        double strongAccuracy = (double) strongCorrect / n;

        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Stable sort: equal scores keep file order, so the result never depends on the JVM or run.
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        List<CurvePoint> points = new ArrayList<>();
        points.add(point(0, n, weakCorrect, weakAccuracy, strongAccuracy));
        int routed = 0;
        int correct = weakCorrect;
        int i = 0;
        while (i < n) {
            double groupScore = scores[order[i]];
            while (i < n && Double.compare(scores[order[i]], groupScore) == 0) {
                LabelledPrompt label = labels.get(order[i]);
                correct += (label.strongCorrect() ? 1 : 0) - (label.weakCorrect() ? 1 : 0);
                routed++;
                i++;
            }
            points.add(point(routed, n, correct, weakAccuracy, strongAccuracy));
        }
        return new QualityCurve(points, weakAccuracy, strongAccuracy);
    }

    private static CurvePoint point(int routed, int n, int correct, double weakAccuracy, double strongAccuracy) {
        double accuracy = (double) correct / n;
        double pgr = strongAccuracy == weakAccuracy ? Double.NaN
                : (accuracy - weakAccuracy) / (strongAccuracy - weakAccuracy);
        return new CurvePoint((double) routed / n, accuracy, pgr);
    }
}
