package dev.switchboard.bench;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.ComplexityThresholds;
import dev.switchboard.routing.LearningSettings;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.RoutingEngine;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.StandardStrategies;
import dev.switchboard.routing.Tier;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One full routing decision as the complete function makes it: analyse the prompt (token count,
 * classification, complexity), let the engine check the constraints of 10 candidate deployments, rank
 * them (complexity, or with auto_route the hybrid: the learned estimate checked by complexity) and
 * score every one. SampleTime mode
 * reports the mean and the percentiles (p99 among them) of single decisions.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DecisionBenchmark {

    /** Prompts of the kinds the gateway sees: a greeting, a coding question, a long analysis request. */
    @Param({"short", "code", "long"})
    public String promptKind;

    @Param({"false", "true"})
    public boolean autoRoute;

    private PromptAnalyzer analyzer;
    private RoutingEngine engine;
    private List<Candidate> candidates;
    private String prompt;

    @Setup
    public void setUp() {
        EstimatingTokenCounter tokens = new EstimatingTokenCounter();
        analyzer = new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), tokens::count);
        engine = StandardStrategies.engine(ComplexityThresholds.DEFAULTS, taughtLearner(), LearningSettings.DEFAULTS,
                new SplittableRandom(1)::nextDouble, new ProviderScorer(ScoringConfig.DEFAULTS));
        candidates = tenCandidates();
        prompt = BenchmarkPrompts.of(promptKind);
    }

    @Benchmark
    public RoutingDecision decide() {
        return engine.decide(new RoutingRequest(prompt, analyzer.analyze(prompt), 1000, candidates), autoRoute);
    }

    /**
     * A learner that has seen enough outcomes to decide, so that auto_route=true measures the hybrid
     * path (learned estimate checked by the complexity rule) rather than its fallback.
     */
    static DifficultyLearner taughtLearner() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        for (int i = 0; i < 200; i++) {
            learner.observe("Prove that the sum of the first " + i + " odd numbers is a perfect square, step by step.",
                    true);
            learner.observe("What is " + i + " plus one?", false);
        }
        return learner;
    }

    static List<Candidate> tenCandidates() {
        List<Candidate> all = new ArrayList<>();
        Tier[] tiers = Tier.values();
        for (int i = 0; i < 10; i++) {
            Tier tier = tiers[i % tiers.length];
            double scale = Math.pow(10, tier.ordinal());
            all.add(new Candidate("provider-" + i, "model-" + i, tier, 1e-7 * scale * (1 + i * 0.1),
                    4e-7 * scale * (1 + i * 0.1), true));
        }
        return List.copyOf(all);
    }
}
