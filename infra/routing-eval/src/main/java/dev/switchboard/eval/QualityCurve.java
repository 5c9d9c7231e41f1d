package dev.switchboard.eval;

import java.util.List;

/**
 * A router's cost-quality curve, from share 0 (everything to the weak model) to share 1 (everything to the
 * strong model), with the metrics RouteLLM reports on it.
 *
 * <p>Differences from RouteLLM's {@code routellm/evals/evaluate.py}, all deliberate:
 * <ul>
 *   <li>RouteLLM evaluates 11 thresholds (the edges of 10 quantile bins of the scores); this curve has one
 *       point per distinct score, so APGR and CPT are the limits its coarser grid approximates.</li>
 *   <li>APGR: RouteLLM computes {@code (AUC - weakAUC) / (strongAUC - weakAUC)} with {@code np.trapz} over
 *       the share; as its shares span [0, 1], that equals the trapezoid area under (share, PGR) used here.</li>
 *   <li>CPT(p): RouteLLM calls {@code np.interp(target accuracy, accuracies, shares)}, which assumes
 *       accuracies increase with the share and returns arbitrary values when they do not. Here CPT(p) is the
 *       first crossing: the smallest share at which PGR reaches p, interpolated linearly between the two
 *       curve points that bracket it. On a monotone curve both agree.</li>
 * </ul>
 *
 * @param points         sorted by strictly increasing share, first at share 0, last at share 1
 * @param weakAccuracy   accuracy when every prompt goes to the weak model
 * @param strongAccuracy accuracy when every prompt goes to the strong model
 */
public record QualityCurve(List<CurvePoint> points, double weakAccuracy, double strongAccuracy) {

    public QualityCurve {
        points = List.copyOf(points);
        if (points.size() < 2 || points.get(0).strongShare() != 0.0 || points.get(points.size() - 1).strongShare() != 1.0) {
            throw new IllegalArgumentException("a quality curve runs from share 0 to share 1");
        }
    }

    /** PGR is undefined when both models are equally accurate on the set: every metric is then NaN. */
    public boolean defined() {
        return strongAccuracy != weakAccuracy;
    }

    /** Average performance gap recovered: the trapezoid area under (share, PGR) over [0, 1]. */
    public double apgr() {
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            CurvePoint a = points.get(i - 1);
            CurvePoint b = points.get(i);
            area += (b.strongShare() - a.strongShare()) * (a.pgr() + b.pgr()) / 2;
        }
        return area;
    }

    /**
     * Call-performance threshold: the smallest strong share at which PGR reaches {@code p}, interpolated
     * linearly inside the segment where the curve first crosses p. Always defined for p ≤ 1 because PGR is 1
     * at share 1.
     */
    public double cpt(double p) {
        if (!defined()) {
            return Double.NaN;
        }
        CurvePoint previous = points.get(0);
        if (previous.pgr() >= p) {
            return previous.strongShare();
        }
        for (CurvePoint point : points.subList(1, points.size())) {
            if (point.pgr() >= p) {
                double fraction = (p - previous.pgr()) / (point.pgr() - previous.pgr());
                return previous.strongShare() + fraction * (point.strongShare() - previous.strongShare());
            }
            previous = point;
        }
        return Double.NaN; // p > 1: no share recovers more than the whole gap
    }

    /** PGR at any share, interpolated linearly between curve points (used to average random curves). */
    public double pgrAt(double share) {
        if (share <= 0) {
            return points.get(0).pgr();
        }
        int low = 0;
        int high = points.size() - 1;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (points.get(mid).strongShare() <= share) {
                low = mid;
            } else {
                high = mid;
            }
        }
        CurvePoint a = points.get(low);
        CurvePoint b = points.get(high);
        if (share >= b.strongShare()) {
            return b.pgr();
        }
        double fraction = (share - a.strongShare()) / (b.strongShare() - a.strongShare());
        return a.pgr() + fraction * (b.pgr() - a.pgr());
    }
}
