package dev.switchboard.service;

import dev.switchboard.testsupport.RecordingCracContext;
import org.junit.jupiter.api.Test;

import java.util.PrimitiveIterator;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UniformDrawsTest {

    @Test
    void everyRestoreDrawsANewOffsetSoInstancesFromOneSnapshotDoNotDrawInStep() throws Exception {
        PrimitiveIterator.OfLong seeds = LongStream.of(Long.MIN_VALUE, 1L << 62, -1L).iterator();
        RecordingCracContext crac = new RecordingCracContext();
        UniformDraws draws = new UniformDraws(seeds::nextLong, crac);
        assertSame(draws, crac.registered.get(0));
        assertEquals(0.5, draws.offset());

        crac.beforeCheckpoint(null);
        crac.afterRestore(null);
        assertEquals(0.25, draws.offset());

        crac.afterRestore(null);
        assertNotEquals(0.25, draws.offset());
        assertTrue(draws.offset() < 1.0, "the largest seed still gives an offset below 1");
    }

    @Test
    void drawsStayInTheUnitIntervalWhateverTheOffset() {
        UniformDraws draws = new UniformDraws(() -> -1L, new RecordingCracContext());
        for (int i = 0; i < 10_000; i++) {
            double u = draws.getAsDouble();
            assertTrue(u >= 0.0 && u < 1.0, "draw " + u);
        }
    }
}
