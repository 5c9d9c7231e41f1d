package dev.switchboard.eval;

/** Registers {@link LearnedRouter} as {@code --router learned}. */
public final class LearnedRouterProvider implements RouterProvider {

    @Override
    public String name() {
        return RouterCatalog.LEARNED;
    }

    @Override
    public RouterUnderTest create(long seed) {
        return new LearnedRouter(seed);
    }
}
