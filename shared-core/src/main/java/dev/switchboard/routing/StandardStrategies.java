package dev.switchboard.routing;

import dev.switchboard.routing.balancing.CostBasedStrategy;
import dev.switchboard.routing.balancing.LatencyBasedStrategy;
import dev.switchboard.routing.balancing.LeastBusyStrategy;
import dev.switchboard.routing.balancing.RoundRobinStrategy;
import dev.switchboard.routing.balancing.SimpleShuffleStrategy;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.scoring.ProviderScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The engine every deployment runs: complexity as the default, learning and hybrid over the given
 * learner, and the load-balancing strategies of seeds 003 and 004. One place, so that the
 * application and its tests route alike.
 */
public final class StandardStrategies {

    private StandardStrategies() {
    }

    /**
     * @param learner what the learning strategy learns with; null leaves learning out, and auto_route
     *                then reports hybrid_fallback
     * @param uniform thread-safe numbers uniform in [0, 1) for simple-shuffle (seeded in tests)
     */
    public static RoutingEngine engine(ComplexityThresholds thresholds, DifficultyLearner learner,
                                       LearningSettings learning, DoubleSupplier uniform, ProviderScorer scorer) {
        ComplexityStrategy complexity = new ComplexityStrategy(thresholds);
        List<RoutingStrategy> others = new ArrayList<>();
        if (learner != null) {
            LearningStrategy learningStrategy = new LearningStrategy(learner, learning);
            others.add(learningStrategy);
            others.add(new HybridStrategy(learningStrategy, complexity));
        }
        others.add(new CostBasedStrategy());
        others.add(new LatencyBasedStrategy());
        others.add(new LeastBusyStrategy());
        others.add(new SimpleShuffleStrategy(uniform));
        others.add(new RoundRobinStrategy());
        return new RoutingEngine(complexity, others, scorer);
    }
}
