package dev.switchboard.routing.balancing;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Confidence;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.labels;
import static dev.switchboard.routing.RoutingFixtures.request;
import static dev.switchboard.routing.RoutingFixtures.weighted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundRobinStrategyTest {

    private static final Candidate A = candidate("a/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate B = candidate("b/gpt-4o", Tier.PREMIUM, 2e-5);
    private static final Candidate C = candidate("c/gpt-4o", Tier.PREMIUM, 3e-5);

    private final RoundRobinStrategy strategy = new RoundRobinStrategy();

    private String next(Candidate... candidates) {
        return strategy.decide(request(0.1, candidates)).orElseThrow().chosen().label();
    }

    private List<String> turns(int count, Candidate... candidates) {
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(next(candidates));
        }
        return chosen;
    }

    private static Map<String, Long> counts(List<String> chosen) {
        return chosen.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    void isNamedRoundRobin() {
        assertEquals("round-robin", strategy.name());
    }

    @Test
    void equalWeightsTakeStrictTurnsInLabelOrderWhateverTheOfferedOrder() {
        assertEquals(List.of("a/gpt-4o", "b/gpt-4o", "c/gpt-4o", "a/gpt-4o", "b/gpt-4o", "c/gpt-4o",
                "a/gpt-4o", "b/gpt-4o", "c/gpt-4o"), turns(9, C, A, B));
    }

    @Test
    void aPreviewSaysWhoseTurnItIsWithoutTakingIt() {
        RoutingRequest preview = request(0.1, A, B, C).asPreview();
        assertEquals("a/gpt-4o", next(A, B, C));

        for (int i = 0; i < 5; i++) {
            assertEquals("b/gpt-4o", strategy.decide(preview).orElseThrow().chosen().label());
        }

        assertEquals(List.of("b/gpt-4o", "c/gpt-4o", "a/gpt-4o"), turns(3, A, B, C));
        assertEquals("a/gpt-4o", strategy.decide(request(0.1, A, C).asPreview()).orElseThrow().chosen().label(),
                "a set never routed previews its first turn");
    }

    @Test
    void theFallbacksAreEveryOtherCandidateNextInTurn() {
        RoutingRequest request = request(0.1, A, B, C);

        assertEquals(List.of("a/gpt-4o", "b/gpt-4o", "c/gpt-4o"),
                labels(strategy.decide(request).orElseThrow().ranked()));
        assertEquals(List.of("b/gpt-4o", "c/gpt-4o", "a/gpt-4o"),
                labels(strategy.decide(request).orElseThrow().ranked()));
    }

    @Test
    void weightsThreeToOneGiveExactlyThreeOfEveryFourTurnsAndNeverStarveTheLighter() {
        Candidate heavy = weighted(A, 3);

        List<String> chosen = turns(400, heavy, B);

        assertEquals(List.of("a/gpt-4o", "a/gpt-4o", "b/gpt-4o", "a/gpt-4o"), chosen.subList(0, 4),
                "smooth: the lighter one's turn comes inside the cycle, not after three in a row");
        for (int start = 0; start + 4 <= chosen.size(); start++) {
            assertEquals(Map.of("a/gpt-4o", 3L, "b/gpt-4o", 1L), counts(chosen.subList(start, start + 4)),
                    "turns " + start + " to " + (start + 3));
        }
    }

    @Test
    void weightsFiveOneOneGiveExactCountsInEveryCycle() {
        List<String> chosen = turns(700, weighted(A, 5), B, C);

        for (int start = 0; start < chosen.size(); start += 7) {
            assertEquals(Map.of("a/gpt-4o", 5L, "b/gpt-4o", 1L, "c/gpt-4o", 1L),
                    counts(chosen.subList(start, start + 7)), "cycle from turn " + start);
        }
    }

    @Test
    void saysWhoseTurnItIsWithMediumConfidence() {
        RoutingRequest request = request(0.1, weighted(A, 3), B);
        RoutingDecision decision = strategy.decide(request).orElseThrow();

        assertEquals("a/gpt-4o has the turn (weighted round-robin over 2 deployments, weight 3)", decision.reasoning());
        assertEquals(Confidence.MEDIUM, decision.confidence());
        assertEquals("round-robin", decision.strategyUsed());
        assertEquals(request.costUpperBound(A), decision.costEstimate());
    }

    @Test
    void separateCandidateSetsKeepSeparateRotations() {
        List<String> firstSet = new ArrayList<>();
        List<String> secondSet = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            firstSet.add(next(A, B));
            secondSet.add(next(A, C));
        }

        assertEquals(List.of("a/gpt-4o", "b/gpt-4o", "a/gpt-4o", "b/gpt-4o"), firstSet);
        assertEquals(List.of("a/gpt-4o", "c/gpt-4o", "a/gpt-4o", "c/gpt-4o"), secondSet);
    }

    @Test
    void theSameSetOfferedInAnotherOrderSharesItsRotation() {
        assertEquals("a/gpt-4o", next(A, B));
        assertEquals("b/gpt-4o", next(B, A));
        assertEquals("a/gpt-4o", next(B, A));
    }

    @Test
    void separateInstancesKeepSeparateRotations() {
        RoundRobinStrategy other = new RoundRobinStrategy();

        assertEquals("a/gpt-4o", next(A, B));
        assertEquals("a/gpt-4o", other.decide(request(0.1, A, B)).orElseThrow().chosen().label());
    }

    @Test
    void upToMaxRotationsSetsAreRemembered() {
        assertEquals("a/gpt-4o", next(A, B));
        for (int i = 0; i < RoundRobinStrategy.MAX_ROTATIONS - 1; i++) {
            next(candidate("other/model-" + i, Tier.ECONOMY, 1e-6));
        }

        assertEquals("b/gpt-4o", next(A, B), "the first set's turn is kept");
    }

    @Test
    void pastMaxRotationsTheSetUsedLeastRecentlyStartsAfresh() {
        assertEquals("a/gpt-4o", next(A, B));
        for (int i = 0; i < RoundRobinStrategy.MAX_ROTATIONS; i++) {
            next(candidate("other/model-" + i, Tier.ECONOMY, 1e-6));
        }

        assertEquals("a/gpt-4o", next(A, B), "the remembered turns were dropped");
    }

    @Test
    void aSetInUseKeepsItsTurnsWhileOthersComeAndGo() {
        assertEquals("a/gpt-4o", next(A, B));
        for (int i = 0; i < 3 * RoundRobinStrategy.MAX_ROTATIONS; i++) {
            next(candidate("other/model-" + i, Tier.ECONOMY, 1e-6));
            if (i % 100 == 0) {
                assertEquals(i % 200 == 0 ? "b/gpt-4o" : "a/gpt-4o", next(A, B), "strictly in turn at " + i);
            }
        }
    }

    @Test
    void concurrentCallersKeepExactCounts() throws Exception {
        int threads = 4;
        int perThread = 1_000;
        RoutingRequest request = request(0.1, weighted(A, 3), B);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> chosen = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) {
                        chosen.add(strategy.decide(request).orElseThrow().chosen().label());
                    }
                    return chosen;
                }));
            }
            start.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }

            assertEquals(Map.of("a/gpt-4o", 3_000L, "b/gpt-4o", 1_000L), counts(all));
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of("a/gpt-4o", "a/gpt-4o", "b/gpt-4o", "a/gpt-4o"), turns(4, weighted(A, 3), B),
                "after a whole number of cycles the rotation is back at its start");
    }

    @Test
    void declinesWithoutCandidates() {
        assertEquals(Optional.empty(), strategy.decide(request(0.1)));
    }
}
