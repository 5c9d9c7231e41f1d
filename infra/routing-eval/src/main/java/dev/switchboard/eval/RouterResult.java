package dev.switchboard.eval;

import java.util.List;

/**
 * One router on one test group.
 *
 * @param router  the row label
 * @param metrics APGR and CPTs (means over runs for the random baseline)
 * @param curve   the (share, PGR) points to draw (the pointwise mean over runs for the random baseline)
 */
public record RouterResult(String router, MetricSummary metrics, List<CurvePoint> curve) {

    public RouterResult {
        curve = List.copyOf(curve);
    }
}
