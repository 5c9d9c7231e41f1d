package dev.switchboard.state;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void everyLatencyUpToAnHourIsReportedWithinTheStatedError() {
        assertEquals(0.0488, LatencyHistogram.RELATIVE_ERROR, 1e-4);
        double worst = 0;
        for (long millis = 1; millis <= 3_600_000; millis++) {
            double reported = LatencyHistogram.representativeMillis(LatencyHistogram.indexOf(millis));
            worst = Math.max(worst, Math.abs(reported - millis) / millis);
        }
        assertTrue(worst <= LatencyHistogram.RELATIVE_ERROR + 1e-12, "worst " + worst);
        assertEquals(0.0, LatencyHistogram.representativeMillis(LatencyHistogram.indexOf(0)));
    }

    @Test
    void bucketsGrowByTenPercentAndStopAtTheLastOne() {
        assertEquals(1, LatencyHistogram.indexOf(1));
        assertEquals(LatencyHistogram.indexOf(1000) + 1, LatencyHistogram.indexOf(1100));
        assertTrue(LatencyHistogram.indexOf(3_600_000) < LatencyHistogram.MAX_INDEX);
        assertEquals(LatencyHistogram.MAX_INDEX, LatencyHistogram.indexOf(Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.indexOf(-1));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.representativeMillis(-1));
    }

    @Test
    void percentilesAreNearestRankOverTheCounts() {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        counts.put(LatencyHistogram.indexOf(100), 90L);
        counts.put(LatencyHistogram.indexOf(2000), 10L);

        assertEquals(LatencyHistogram.representativeMillis(LatencyHistogram.indexOf(100)),
                LatencyHistogram.percentile(counts, 0.90));
        assertEquals(LatencyHistogram.representativeMillis(LatencyHistogram.indexOf(2000)),
                LatencyHistogram.percentile(counts, 0.91));
        assertNull(LatencyHistogram.percentile(new TreeMap<>(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> LatencyHistogram.percentile(counts, 0));
    }
}
