package dev.switchboard.eval;

/**
 * The extension point for routers beyond the two built-in baselines, found with {@link java.util.ServiceLoader}.
 *
 * <p>The learned router plugs in this way: {@link LearnedRouterProvider} returns a {@link LearnedRouter} (an
 * adapter around shared-core's {@code dev.switchboard.routing.learning.LogisticDifficultyLearner}) for
 * {@link #name()} {@value RouterCatalog#LEARNED}, and is listed in
 * {@code META-INF/services/dev.switchboard.eval.RouterProvider}. Another router does the same under its own name
 * and is then selected with {@code --router NAME} without any change to the evaluator.
 */
public interface RouterProvider {

    /** The name given to {@code --router}. */
    String name();

    /** A fresh, untrained router; {@code seed} is the run's {@code --seed}, for routers with randomness. */
    RouterUnderTest create(long seed);
}
