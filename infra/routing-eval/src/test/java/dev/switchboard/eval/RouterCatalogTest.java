package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterCatalogTest {

    @Test
    void buildsTheBaselinesByName() {
        RouterCatalog catalog = RouterCatalog.discover();
        assertInstanceOf(LengthRouter.class, catalog.create("length", 0));
        assertInstanceOf(RandomRouter.class, catalog.create("random", 0));
        assertEquals(5.0, catalog.create("length", 0).score("h\u00e9llo"));
        assertEquals(1.0, catalog.create("length", 0).score("\uD83D\uDE00"), "an emoji is one code point");
    }

    @Test
    void theRandomRouterIsReproducibleForASeed() {
        RouterUnderTest a = RouterCatalog.discover().create("random", 3);
        RouterUnderTest b = RouterCatalog.discover().create("random", 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.score("p"), b.score("p"));
        }
    }

    @Test
    void anUnknownNameListsTheAvailableRouters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouterCatalog.of().create("oracle", 0));
        assertEquals("unknown router \"oracle\"; available: length, random", e.getMessage());
    }

    @Test
    void aMissingLearnedRouterSaysWhichRegistrationIsAbsent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RouterCatalog.of().create(RouterCatalog.LEARNED, 0));
        assertEquals("unknown router \"learned\" (LearnedRouterProvider registers it through"
                + " META-INF/services/dev.switchboard.eval.RouterProvider, which this class path lacks;"
                + " run the routing-eval jar or choose a baseline); available: length, random", e.getMessage());
    }

    @Test
    void twoRoutersMayNotShareAName() {
        RouterProvider clash = new RouterProvider() {
            @Override
            public String name() {
                return "length";
            }

            @Override
            public RouterUnderTest create(long seed) {
                return new LengthRouter();
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RouterCatalog.of(clash));
        assertTrue(e.getMessage().startsWith("two routers are named \"length\""), e.getMessage());
    }
}
