package dev.switchboard.eval;

import java.util.List;

/**
 * The three numbers reported per router and test set.
 *
 * @param apgr  area under the (strong share, PGR) curve
 * @param cpt50 strong share needed to recover 50% of the weak-strong gap
 * @param cpt80 strong share needed to recover 80% of the gap
 */
public record MetricSummary(double apgr, double cpt50, double cpt80) {

    public static MetricSummary of(QualityCurve curve) {
        return new MetricSummary(curve.apgr(), curve.cpt(0.5), curve.cpt(0.8));
    }

    /** Metric-wise mean, for the random baseline averaged over seeds. */
    public static MetricSummary mean(List<MetricSummary> runs) {
        double apgr = 0;
        double cpt50 = 0;
        double cpt80 = 0;
        for (MetricSummary run : runs) {
            apgr += run.apgr();
            cpt50 += run.cpt50();
            cpt80 += run.cpt80();
        }
        return new MetricSummary(apgr / runs.size(), cpt50 / runs.size(), cpt80 / runs.size());
    }
}
