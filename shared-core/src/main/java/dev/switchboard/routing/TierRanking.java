package dev.switchboard.routing;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Orders candidates for a target tier: that tier first, then stronger tiers nearest first (a stronger
 * model can always stand in), then weaker ones as a last resort; within a tier priced deployments
 * cheapest first, then unpriced ones (a model without a price is not free). Used by every strategy
 * that decides a tier.
 */
public final class TierRanking {

    private static final int TIERS = Tier.values().length;

    private TierRanking() {
    }

    /** Priced before unpriced, then cheapest per token, then by label so the order is total. */
    public static final Comparator<Candidate> PRICE_ORDER = Comparator.comparing(Candidate::priced, Comparator.reverseOrder())
            .thenComparingDouble(Candidate::unitPrice)
            .thenComparing(Candidate::label);

    /** The whole order for each target tier, indexed by its ordinal: built once, not per decision. */
    private static final List<Comparator<Candidate>> ORDER_FOR_TARGET = Arrays.stream(Tier.values())
            .map(target -> Comparator.comparingInt((Candidate c) -> tierPreference(target, c.tier()))
                    .thenComparing(PRICE_ORDER))
            .toList();

    public static List<Candidate> rank(List<Candidate> candidates, Tier target) {
        // A stable sort of an array, as the stream's was: equal candidates keep their offered order.
        Candidate[] ranked = candidates.toArray(new Candidate[0]);
        Arrays.sort(ranked, ORDER_FOR_TARGET.get(target.ordinal()));
        return Collections.unmodifiableList(Arrays.asList(ranked));
    }

    /** 0 for the target tier, then stronger tiers nearest first, then weaker tiers nearest first. */
    static int tierPreference(Tier target, Tier tier) {
        int distance = tier.ordinal() - target.ordinal();
        return distance >= 0 ? distance : TIERS + (-distance);
    }

    /** How the chosen candidate relates to the tier asked for, in words. */
    static String choiceWording(Candidate chosen, Tier target) {
        return chosen.tier() != target
                ? "no " + target.wireName() + " deployment is available, so " + chosen.label()
                + " (" + chosen.tier().wireName() + ") stands in"
                : chosen.priced() ? chosen.label() + " is its cheapest deployment"
                : "no deployment of the tier has a known price; " + chosen.label() + " is first by name";
    }
}
