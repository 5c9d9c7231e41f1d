package dev.switchboard.eval;

/**
 * The extension point for routers that live outside this module, found with {@link java.util.ServiceLoader}.
 *
 * <p>This is where the learned router plugs in: an adapter around shared-core's
 * {@code dev.switchboard.routing.learning.LogisticDifficultyLearner} implements {@link RouterUnderTest}, a provider
 * returns it for {@link #name()} {@value RouterCatalog#LEARNED}, and the provider's class name is listed in
 * {@code META-INF/services/dev.switchboard.eval.RouterProvider}. The evaluator then selects it with
 * {@code --router learned} (the default) without any change here.
 */
public interface RouterProvider {

    /** The name given to {@code --router}. */
    String name();

    /** A fresh, untrained router; {@code seed} is the run's {@code --seed}, for routers with randomness. */
    RouterUnderTest create(long seed);
}
