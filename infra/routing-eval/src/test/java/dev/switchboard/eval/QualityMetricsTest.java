package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-computed examples on four prompts: two only the strong model answers (+1 each when routed up), one
 * both answer (0), one only the weak model answers (-1). Weak accuracy 0.5, strong 0.75, gap 0.25.
 */
class QualityMetricsTest {

    private static final double EPS = 1e-12;

    private static final List<LabelledPrompt> LABELS = List.of(
            prompt("gain-1", false, true),
            prompt("gain-2", false, true),
            prompt("both", true, true),
            prompt("loss", true, false));

    private static LabelledPrompt prompt(String text, boolean weak, boolean strong) {
        return new LabelledPrompt("t", text, weak, strong);
    }

    private static List<double[]> sharesAndPgr(QualityCurve curve) {
        return curve.points().stream().map(p -> new double[] {p.strongShare(), p.pgr()}).toList();
    }

    private static void assertPoints(double[][] expected, QualityCurve curve) {
        List<double[]> actual = sharesAndPgr(curve);
        assertEquals(expected.length, actual.size(), "number of curve points");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], actual.get(i)[0], EPS, "share of point " + i);
            assertEquals(expected[i][1], actual.get(i)[1], EPS, "PGR of point " + i);
        }
    }

    @Test
    void aPerfectRouterRecoversTheGapFirstAndOvershootsWhileAvoidingTheLoss() {
        QualityCurve curve = QualityMetrics.curve(new double[] {4, 3, 2, 1}, LABELS);
        assertEquals(0.5, curve.weakAccuracy(), EPS);
        assertEquals(0.75, curve.strongAccuracy(), EPS);
        assertPoints(new double[][] {{0, 0}, {0.25, 1}, {0.5, 2}, {0.75, 2}, {1, 1}}, curve);
        // Trapezoids of width 0.25: (0+1)/2 + (1+2)/2 + (2+2)/2 + (2+1)/2 = 5.5.
        assertEquals(0.25 * 5.5, curve.apgr(), EPS);
        assertEquals(0.125, curve.cpt(0.5), EPS);
        assertEquals(0.2, curve.cpt(0.8), EPS);
    }

    @Test
    void aReversedRouterSendsTheLossFirstAndMirrorsThePerfectOne() {
        QualityCurve curve = QualityMetrics.curve(new double[] {1, 2, 3, 4}, LABELS);
        assertPoints(new double[][] {{0, 0}, {0.25, -1}, {0.5, -1}, {0.75, 0}, {1, 1}}, curve);
        assertEquals(-0.375, curve.apgr(), EPS);
        assertEquals(1.0, curve.apgr() + QualityMetrics.curve(new double[] {4, 3, 2, 1}, LABELS).apgr(), EPS,
                "without ties, a router and its reverse always sum to APGR 1");
        // First reaches 0.5 between (0.75, 0) and (1, 1).
        assertEquals(0.875, curve.cpt(0.5), EPS);
        assertEquals(0.95, curve.cpt(0.8), EPS);
    }

    @Test
    void aRouterThatScoresEverythingAlikeIsTheStraightLine() {
        QualityCurve curve = QualityMetrics.curve(new double[] {7, 7, 7, 7}, LABELS);
        assertPoints(new double[][] {{0, 0}, {1, 1}}, curve);
        assertEquals(0.5, curve.apgr(), EPS);
        assertEquals(0.5, curve.cpt(0.5), EPS);
        assertEquals(0.8, curve.cpt(0.8), EPS);
    }

    @Test
    void aTieGroupIsAdmittedWholeAndItsOrderDoesNotMatter() {
        QualityCurve curve = QualityMetrics.curve(new double[] {2, 1, 1, 0}, LABELS);
        // gain-1 alone, then gain-2 and both together, then loss: no point at share 0.5.
        assertPoints(new double[][] {{0, 0}, {0.25, 1}, {0.75, 2}, {1, 1}}, curve);
        List<LabelledPrompt> swapped = List.of(LABELS.get(0), LABELS.get(2), LABELS.get(1), LABELS.get(3));
        assertEquals(curve.points(), QualityMetrics.curve(new double[] {2, 1, 1, 0}, swapped).points());
        // 0.25 * (0+1)/2 + 0.5 * (1+2)/2 + 0.25 * (2+1)/2
        assertEquals(0.125 + 0.75 + 0.375, curve.apgr(), EPS);
    }

    @Test
    void cptInterpolatesInsideTheFirstSegmentThatCrossesTheTarget() {
        // Non-monotone: PGR rises to 2 then falls to 1; CPT is the first crossing, not a later one.
        QualityCurve curve = QualityMetrics.curve(new double[] {4, 3, 2, 1}, LABELS);
        assertEquals(0.25 * 0.3, curve.cpt(0.3), EPS);
        assertEquals(0.25 + 0.25 * 0.5, curve.cpt(1.5), EPS);
        assertEquals(0.0, curve.cpt(0.0), EPS, "nothing to recover costs nothing");
        assertEquals(0.25, curve.cpt(1.0), EPS, "a target met exactly at a point is that point's share");
    }

    @Test
    void theRandomRouterAveragedOverEveryOrderScoresExactlyOneHalf() {
        List<double[]> permutations = new ArrayList<>();
        permute(new double[] {1, 2, 3, 4}, 0, permutations);
        assertEquals(24, permutations.size());
        double sum = 0;
        double pgrAtHalf = 0;
        for (double[] scores : permutations) {
            QualityCurve curve = QualityMetrics.curve(scores, LABELS);
            sum += curve.apgr();
            pgrAtHalf += curve.pgrAt(0.5);
        }
        assertEquals(0.5, sum / permutations.size(), EPS);
        assertEquals(0.5, pgrAtHalf / permutations.size(), EPS, "expected PGR at share s is s");
    }

    @Test
    void theSeededRandomBaselineIsNearOneHalfOnALargerSet() {
        List<LabelledPrompt> labels = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            labels.add(prompt("p" + i, i % 3 == 0, i % 5 != 0));
        }
        double sum = 0;
        for (long seed = 0; seed < RoutingEvaluation.RANDOM_SEEDS; seed++) {
            RandomRouter router = new RandomRouter(seed);
            double[] scores = labels.stream().mapToDouble(p -> router.score(p.prompt())).toArray();
            sum += QualityMetrics.curve(scores, labels).apgr();
        }
        assertEquals(0.5, sum / RoutingEvaluation.RANDOM_SEEDS, 0.02);
    }

    @Test
    void metricsAreUndefinedWhenBothModelsAreEquallyAccurate() {
        QualityCurve curve = QualityMetrics.curve(new double[] {1, 2},
                List.of(prompt("a", true, false), prompt("b", false, true)));
        assertTrue(!curve.defined() && Double.isNaN(curve.apgr()) && Double.isNaN(curve.cpt(0.5)));
    }

    @Test
    void rejectsMismatchedEmptyOrNaNInput() {
        assertThrows(IllegalArgumentException.class, () -> QualityMetrics.curve(new double[] {1}, LABELS));
        assertThrows(IllegalArgumentException.class, () -> QualityMetrics.curve(new double[0], List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> QualityMetrics.curve(new double[] {1, Double.NaN, 2, 3}, LABELS));
    }

    private static void permute(double[] values, int from, List<double[]> out) {
        if (from == values.length) {
            out.add(values.clone());
            return;
        }
        for (int i = from; i < values.length; i++) {
            swap(values, from, i);
            permute(values, from + 1, out);
            swap(values, from, i);
        }
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }
}
