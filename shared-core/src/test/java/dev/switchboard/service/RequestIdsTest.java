package dev.switchboard.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    private static final Instant NOW = Instant.parse("2026-11-29T05:30:00.123Z");

    @Test
    void anIdIsAVersion7UuidCarryingTheMillisecondItWasIssuedIn() {
        String id = new RequestIds(Clock.fixed(NOW, ZoneOffset.UTC), new Random(7)).next();

        UUID uuid = UUID.fromString(id);
        assertEquals(uuid.toString(), id);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(NOW.toEpochMilli(), uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        RequestIds earlier = new RequestIds(Clock.fixed(NOW, ZoneOffset.UTC), new Random(1));
        RequestIds later = new RequestIds(Clock.fixed(NOW.plusMillis(1), ZoneOffset.UTC), new Random(2));

        for (int i = 0; i < 100; i++) {
            String first = earlier.next();
            String second = later.next();
            assertTrue(second.compareTo(first) > 0, second + " should sort after " + first);
        }
    }

    @Test
    void idsIssuedInTheSameMillisecondDifferByTheirRandomBits() {
        RequestIds ids = new RequestIds(Clock.fixed(NOW, ZoneOffset.UTC), new Random(3));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next());
        }

        assertEquals(10_000, seen.size());
    }

    @Test
    void theSameSeedAndClockGiveTheSameIds() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        assertEquals(new RequestIds(clock, new Random(9)).next(), new RequestIds(clock, new Random(9)).next());
    }
}
