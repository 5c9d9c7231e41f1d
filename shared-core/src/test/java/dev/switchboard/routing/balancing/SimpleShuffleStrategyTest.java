package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static dev.switchboard.routing.RoutingFixtures.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SimpleShuffleStrategyTest {

    private static final Candidate W1 = candidate("a/one", Tier.ECONOMY, 1e-6);
    private static final Candidate W2 = weighted(candidate("b/two", Tier.ECONOMY, 1e-6), 2);
    private static final Candidate W3 = weighted(candidate("c/three", Tier.PREMIUM, 1e-5), 3);
    private static final Candidate W4 = weighted(candidate("d/four", Tier.STANDARD, 4e-6), 4);
    private static final RoutingRequest WEIGHTED = request(0.1, W1, W2, W3, W4);

    private static final int DRAWS = 40_000;
    /**
     * Allowed gap between a first-choice share and weight / total weight. With 40,000 draws the
     * standard deviation of a share is at most 0.0025, so 0.01 is four of them; the seed is fixed, so
     * the outcome is the same on every run.
     */
    private static final double SHARE_TOLERANCE = 0.01;

    private static SimpleShuffleStrategy seeded(long seed) {
        return new SimpleShuffleStrategy(new SplittableRandom(seed)::nextDouble);
    }

    /** Answers the given draws in turn. */
    private static DoubleSupplier draws(double... values) {
        int[] next = {0};
        return () -> values[next[0]++];
    }

    private static List<String> shuffle(SimpleShuffleStrategy strategy, RoutingRequest request) {
        return labels(strategy.decide(request).orElseThrow().ranked());
    }

    @Test
    void isNamedSimpleShuffle() {
        assertEquals("simple-shuffle", seeded(1).name());
    }

    @Test
    void firstChoiceSharesMatchTheWeights() {
        SimpleShuffleStrategy strategy = seeded(20_240_601);
        Map<String, Integer> firsts = new HashMap<>();

        for (int i = 0; i < DRAWS; i++) {
            firsts.merge(strategy.decide(WEIGHTED).orElseThrow().chosen().label(), 1, Integer::sum);
        }

        double total = 1 + 2 + 3 + 4;
        for (Candidate candidate : List.of(W1, W2, W3, W4)) {
            double share = firsts.getOrDefault(candidate.label(), 0) / (double) DRAWS;
            assertEquals(candidate.weight() / total, share, SHARE_TOLERANCE, candidate.label());
        }
    }

    @Test
    void everyRankingIsAPermutationOfTheCandidates() {
        SimpleShuffleStrategy strategy = seeded(7);
        List<String> expected = List.of("a/one", "b/two", "c/three", "d/four");

        for (int i = 0; i < 1_000; i++) {
            List<String> ranked = new ArrayList<>(shuffle(strategy, WEIGHTED));
            ranked.sort(null);
            assertEquals(expected, ranked);
        }
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        SimpleShuffleStrategy first = seeded(42);
        SimpleShuffleStrategy second = seeded(42);
        SimpleShuffleStrategy other = seeded(43);
        List<List<String>> firstSequence = new ArrayList<>();
        List<List<String>> secondSequence = new ArrayList<>();
        List<List<String>> otherSequence = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            firstSequence.add(shuffle(first, WEIGHTED));
            secondSequence.add(shuffle(second, WEIGHTED));
            otherSequence.add(shuffle(other, WEIGHTED));
        }

        assertEquals(firstSequence, secondSequence);
        assertNotEquals(firstSequence, otherSequence, "another seed, another sequence");
    }

    @Test
    void eachDrawPicksTheCandidateWhoseWeightIntervalHoldsIt() {
        // Weights 1 and 3 over a total of 4: [0, 0.25) draws a/one, [0.25, 1) draws b/three.
        Candidate one = W1;
        Candidate three = weighted(candidate("b/three", Tier.ECONOMY, 1e-6), 3);
        RoutingRequest request = request(0.1, one, three);

        assertEquals(List.of("a/one", "b/three"), shuffle(new SimpleShuffleStrategy(draws(0.0, 0.0)), request));
        assertEquals(List.of("a/one", "b/three"), shuffle(new SimpleShuffleStrategy(draws(0.2499, 0.9)), request));
        assertEquals(List.of("b/three", "a/one"), shuffle(new SimpleShuffleStrategy(draws(0.25, 0.0)), request));
        assertEquals(List.of("b/three", "a/one"),
                shuffle(new SimpleShuffleStrategy(draws(Math.nextDown(1.0), Math.nextDown(1.0))), request));
    }

    @Test
    void fallbacksAreDrawnFromTheRestByWeight() {
        // First draw 0.05 of 10 picks a/one; the rest weigh 9: 0.5 * 9 = 4.5 lies in c/three's [2, 5).
        SimpleShuffleStrategy strategy = new SimpleShuffleStrategy(draws(0.05, 0.5, 0.0, 0.0));

        assertEquals(List.of("a/one", "c/three", "b/two", "d/four"), shuffle(strategy, WEIGHTED));
    }

    @Test
    void saysWhatWasDrawnAndHowLikelyItWas() {
        RoutingDecision decision = new SimpleShuffleStrategy(draws(0.65, 0, 0, 0)).decide(WEIGHTED).orElseThrow();

        assertEquals("d/four", decision.chosen().label());
        assertEquals("d/four drawn at random, weighted by deployment weight (4 of 10)", decision.reasoning());
        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertEquals(WEIGHTED.costUpperBound(W4), decision.costEstimate());
    }

    @Test
    void aSingleCandidateIsAlwaysChosen() {
        SimpleShuffleStrategy strategy = seeded(3);

        for (int i = 0; i < 10; i++) {
            assertEquals(List.of("c/three"), shuffle(strategy, request(0.1, W3)));
        }
    }

    @Test
    void declinesWithoutCandidatesAndDrawsNothing() {
        SimpleShuffleStrategy strategy = new SimpleShuffleStrategy(() -> {
            throw new AssertionError("no draw expected");
        });

        assertEquals(Optional.empty(), strategy.decide(request(0.1)));
    }
}
