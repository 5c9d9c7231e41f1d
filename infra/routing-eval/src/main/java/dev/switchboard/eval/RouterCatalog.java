package dev.switchboard.eval;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The routers {@code --router} can name: the two built-in baselines plus every {@link RouterProvider} found. */
public final class RouterCatalog {

    /** The name the contract's APGR line is about; supplied by {@link LearnedRouterProvider}, not built in. */
    public static final String LEARNED = "learned";

    private final Map<String, RouterProvider> providers = new TreeMap<>();

    private RouterCatalog() {
        add(provider(LengthRouter.NAME, seed -> new LengthRouter()));
        add(provider(RandomRouter.NAME, RandomRouter::new));
    }

    /** Built-ins plus the providers registered on the class path. */
    public static RouterCatalog discover() {
        RouterCatalog catalog = new RouterCatalog();
        ServiceLoader.load(RouterProvider.class).forEach(catalog::add);
        return catalog;
    }

    /** Built-ins plus the given providers, for tests. */
    public static RouterCatalog of(RouterProvider... extra) {
        RouterCatalog catalog = new RouterCatalog();
        for (RouterProvider provider : extra) {
            catalog.add(provider);
        }
        return catalog;
    }

    public RouterUnderTest create(String name, long seed) {
        RouterProvider provider = providers.get(name);
        if (provider == null) {
            String hint = LEARNED.equals(name)
                    ? " (LearnedRouterProvider registers it through META-INF/services/" + RouterProvider.class.getName()
                    + ", which this class path lacks; run the routing-eval jar or choose a baseline)"
                    : "";
            throw new IllegalArgumentException("unknown router \"" + name + "\"" + hint
                    + "; available: " + String.join(", ", providers.keySet()));
        }
        return provider.create(seed);
    }

    private void add(RouterProvider provider) {
        RouterProvider previous = providers.putIfAbsent(provider.name(), provider);
        if (previous != null && previous != provider) {
            throw new IllegalStateException("two routers are named \"" + provider.name() + "\": "
                    + previous.getClass().getName() + " and " + provider.getClass().getName());
        }
    }

    private static RouterProvider provider(String name, java.util.function.LongFunction<RouterUnderTest> factory) {
        return new RouterProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public RouterUnderTest create(long seed) {
                return factory.apply(seed);
            }
        };
    }
}
