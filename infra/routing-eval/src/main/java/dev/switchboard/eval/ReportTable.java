package dev.switchboard.eval;

import java.util.Locale;

/** Formats results as a fixed-width table and the contract's final line. */
public final class ReportTable {

    private static final String ROW = "%-44s %6s %6s %6s  %-26s %6s %7s %7s%n";

    private ReportTable() {
    }

    public static String render(EvaluationResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, ROW, "test set", "n", "weak", "strong", "router", "APGR", "CPT50", "CPT80"));
        for (GroupResult group : result.groups()) {
            boolean first = true;
            for (RouterResult router : group.routers()) {
                MetricSummary m = router.metrics();
                out.append(String.format(Locale.ROOT, ROW,
                        first ? group.name() : "",
                        first ? Integer.toString(group.size()) : "",
                        first ? decimal(group.weakAccuracy()) : "",
                        first ? decimal(group.strongAccuracy()) : "",
                        router.router(), decimal(m.apgr()), percent(m.cpt50()), percent(m.cpt80())));
                first = false;
            }
        }
        return out.toString();
    }

    /** {@code APGR=<x> CPT50=<y> CPT80=<z>}: x with 3 decimals, y and z as percentages with one decimal. */
    public static String contractLine(RouterResult chosenOnPool) {
        MetricSummary m = chosenOnPool.metrics();
        return "APGR=" + decimal(m.apgr()) + " CPT50=" + percent(m.cpt50()) + " CPT80=" + percent(m.cpt80());
    }

    static String decimal(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
