package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RankingStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Simple shuffle (seed 004, after LiteLLM): a random order in which each deployment's chance of
 * coming first is proportional to its weight; the fallbacks are drawn the same way from the rest.
 * Randomness is injected (a seeded source in tests) and must be safe to call from several threads.
 */
public final class SimpleShuffleStrategy extends RankingStrategy {

    public static final String NAME = "simple-shuffle";

    private final DoubleSupplier uniform;

    /** @param uniform numbers uniform in [0, 1), thread-safe */
    public SimpleShuffleStrategy(DoubleSupplier uniform) {
        super(NAME);
        this.uniform = Objects.requireNonNull(uniform);
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        List<Candidate> pool = new ArrayList<>(request.candidates());
        long total = pool.stream().mapToLong(Candidate::weight).sum();
        List<Candidate> ranked = new ArrayList<>(pool.size());
        while (!pool.isEmpty()) {
            int index = draw(pool, total);
            Candidate next = pool.remove(index);
            total -= next.weight();
            ranked.add(next);
        }
        Candidate chosen = ranked.get(0);
        String reasoning = chosen.label() + " drawn at random, weighted by deployment weight (" + chosen.weight()
                + " of " + request.candidates().stream().mapToLong(Candidate::weight).sum() + ")";
        return RoutingDecision.ranked(ranked, NAME, Confidence.MEDIUM, reasoning, request);
    }

    /** The index of the candidate whose weight interval holds a uniform draw over the total weight. */
    private int draw(List<Candidate> pool, long total) {
        double point = uniform.getAsDouble() * total;
        double upTo = 0;
        for (int i = 0; i < pool.size(); i++) {
            upTo += pool.get(i).weight();
            if (point < upTo) {
                return i;
            }
        }
        return pool.size() - 1; // only reached through rounding at the very top of the range
    }
}
