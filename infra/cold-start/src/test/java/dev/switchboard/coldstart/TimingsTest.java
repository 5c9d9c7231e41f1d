package dev.switchboard.coldstart;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimingsTest {

    @Test
    void medianOfAnOddSeriesIsItsMiddleValue() {
        Timings t = new Timings(List.of(900L, 700L, 2000L, 800L, 750L));

        assertEquals(800, t.median());
        assertEquals(700, t.min());
        assertEquals(2000, t.max());
    }

    @Test
    void medianOfAnEvenSeriesIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(825, new Timings(List.of(900L, 700L, 750L, 2000L)).median());
    }

    @Test
    void anEmptySeriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Timings(List.of()));
    }
}
