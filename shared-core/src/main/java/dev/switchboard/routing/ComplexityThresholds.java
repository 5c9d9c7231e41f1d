package dev.switchboard.routing;

/**
 * Where the complexity rule moves up a tier: below {@code standardFrom} is economy, below
 * {@code premiumFrom} standard, the rest premium. A score within {@code margin} of a boundary is
 * reported with low confidence, since a small change in wording would flip the tier.
 */
public record ComplexityThresholds(double standardFrom, double premiumFrom, double margin) {

    private static final double ROUNDING = 1e-9;

    public static final ComplexityThresholds DEFAULTS = new ComplexityThresholds(0.3, 0.6, 0.05);

    public ComplexityThresholds {
        if (!(0 < standardFrom && standardFrom < premiumFrom && premiumFrom < 1)) {
            throw new IllegalArgumentException(
                    "complexity thresholds must satisfy 0 < standard-from < premium-from < 1");
        }
        if (!(margin >= 0 && margin <= 0.2)) {
            throw new IllegalArgumentException("complexity margin must be in [0, 0.2]");
        }
    }

    public Tier tierFor(double complexity) {
        if (complexity < standardFrom) {
            return Tier.ECONOMY;
        }
        return complexity < premiumFrom ? Tier.STANDARD : Tier.PREMIUM;
    }

    public boolean nearBoundary(double complexity) {
        // Exactly the margin away is not near, on either side of either boundary: without the allowance,
        // 0.65 - 0.6 (0.0500...04) and 0.3 - 0.25 (0.0499...99) fell on different sides of 0.05.
        double within = margin - ROUNDING;
        return Math.abs(complexity - standardFrom) < within || Math.abs(complexity - premiumFrom) < within;
    }
}
