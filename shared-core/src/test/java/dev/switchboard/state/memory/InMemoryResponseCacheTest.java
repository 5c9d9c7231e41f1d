package dev.switchboard.state.memory;

import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.ResponseCache;
import dev.switchboard.state.ResponseCacheContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryResponseCacheTest extends ResponseCacheContract {

    @Override
    protected ResponseCache cache(CacheSettings settings, Clock clock) {
        return new InMemoryResponseCache(settings, clock);
    }

    @Test
    void holdsAtMostItsBoundEvictingTheEntryStoredLongestAgo() {
        InMemoryResponseCache bounded = new InMemoryResponseCache(SETTINGS, clock, 3);
        bounded.put(key("a"), answer("a"));
        bounded.put(key("b"), answer("b"));
        bounded.put(key("c"), answer("c"));
        bounded.put(key("a"), answer("a again"));

        bounded.put(key("d"), answer("d"));

        assertEquals(3, bounded.size());
        assertEquals(Optional.empty(), bounded.get(key("b")), "b was stored longest ago, a was stored again");
        assertTrue(bounded.get(key("a")).isPresent());
        assertTrue(bounded.get(key("c")).isPresent());
        assertTrue(bounded.get(key("d")).isPresent());
    }

    @Test
    void holdsAtMostItsBytesEvictingTheOldestUntilTheNewOneFits() {
        InMemoryResponseCache probe = new InMemoryResponseCache(SETTINGS, clock);
        probe.put(key("one"), answer("x".repeat(2_000)));
        long one = probe.bytes();
        InMemoryResponseCache bounded = new InMemoryResponseCache(SETTINGS, clock, 100, 2 * one + one / 2);
        bounded.put(key("a"), answer("x".repeat(2_000)));
        bounded.put(key("b"), answer("y".repeat(2_000)));

        bounded.put(key("c"), answer("z".repeat(2_000)));

        assertEquals(2, bounded.size(), "room for two and a half: the oldest went");
        assertEquals(Optional.empty(), bounded.get(key("a")));
        assertTrue(bounded.get(key("c")).isPresent());
        assertTrue(bounded.bytes() <= 2 * one + one / 2, bounded.bytes() + " bytes held");
        bounded.put(key("b"), answer("y".repeat(2_000)));
        assertEquals(2, bounded.size(), "stored again, b is counted once");
        assertFalse(new InMemoryResponseCache(SETTINGS, clock, 100, one - 1).put(key("big"), answer("x".repeat(2_000))),
                "an answer larger than the whole budget is not kept");
    }

    @Test
    void theDefaultBoundIsTenThousand() {
        assertEquals(10_000, InMemoryResponseCache.DEFAULT_MAX_ENTRIES);
        assertThrows(IllegalArgumentException.class, () -> new InMemoryResponseCache(SETTINGS, clock, 0));
    }
}
