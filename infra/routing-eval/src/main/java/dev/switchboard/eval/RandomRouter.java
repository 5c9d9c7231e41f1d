package dev.switchboard.eval;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Baseline: a uniform random score per call, like RouteLLM's {@code random} router. Reproducible for a seed
 * as long as prompts are scored in the same order (the evaluator scores files in sorted order). Its expected
 * PGR at share s is s, so its expected APGR is 0.5.
 */
public final class RandomRouter implements RouterUnderTest {

    public static final String NAME = "random";

    private final SplittableRandom random;

    public RandomRouter(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void train(List<LabelledPrompt> train) {
        // A random router ignores its training data by definition.
    }

    @Override
    public double score(String prompt) {
        return random.nextDouble();
    }
}
