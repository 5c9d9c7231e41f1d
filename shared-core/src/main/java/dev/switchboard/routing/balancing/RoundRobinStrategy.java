package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.RankingStrategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted round-robin (seeds 003, 004): deployments take turns in proportion to their weights, and
 * with equal weights strictly in turn. It uses the smooth variant: on each turn every deployment
 * gains its weight, the one with the most is chosen and gives back the total, so a deployment of
 * weight 3 beside one of weight 1 is chosen 3 times in every 4 without 3 in a row being required.
 * Turns are kept per set of deployments on offer (the candidates of one model, say), in process, and
 * thread-safe; the fallbacks follow by credit. Callers' constraints can vary the set on offer, so at
 * most {@link #MAX_ROTATIONS} sets are remembered; past that, the set used least recently starts afresh. A
 * preview says whose turn it is without taking it.
 */
public final class RoundRobinStrategy extends RankingStrategy {

    public static final String NAME = "round-robin";
    static final int MAX_ROTATIONS = 256;

    /**
     * Current credit of each deployment, per set of deployments on offer, the least recently used set dropped
     * past {@link #MAX_ROTATIONS}: a caller cycling through deny lists cannot restart everyone's rotations.
     */
    private final Map<List<String>, Map<String, Long>> credits = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Map<String, Long>> eldest) {
            return size() > MAX_ROTATIONS;
        }
    };

    public RoundRobinStrategy() {
        super(NAME);
    }

    @Override
    protected RoutingDecision rank(RoutingRequest request) {
        List<Candidate> ranked = nextTurn(request.candidates(), !request.preview());
        Candidate chosen = ranked.get(0);
        String reasoning = chosen.label() + " has the turn (weighted round-robin over " + ranked.size()
                + " deployments, weight " + chosen.weight() + ")";
        return RoutingDecision.ranked(ranked, NAME, Confidence.MEDIUM, reasoning, request);
    }

    /** The candidates in turn order; {@code take} uses the turn up, otherwise the credits stay as they were. */
    private List<Candidate> nextTurn(List<Candidate> candidates, boolean take) {
        List<Candidate> byLabel = candidates.stream().sorted(Comparator.comparing(Candidate::label)).toList();
        List<String> key = byLabel.stream().map(Candidate::label).toList();
        long total = byLabel.stream().mapToLong(Candidate::weight).sum();
        synchronized (credits) {
            Map<String, Long> kept = credits.get(key);
            Map<String, Long> credit = take ? credits.computeIfAbsent(key, k -> new HashMap<>())
                    : kept == null ? new HashMap<>() : new HashMap<>(kept);
            for (Candidate candidate : byLabel) {
                credit.merge(candidate.label(), (long) candidate.weight(), Long::sum);
            }
            // Highest credit first; ties by label, so the order is the same on every instance.
            List<Candidate> ranked = new ArrayList<>(byLabel);
            ranked.sort(Comparator.comparingLong((Candidate c) -> -credit.get(c.label()))
                    .thenComparing(Candidate::label));
            credit.merge(ranked.get(0).label(), -total, Long::sum);
            return ranked;
        }
    }
}
