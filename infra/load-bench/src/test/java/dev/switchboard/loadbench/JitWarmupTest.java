package dev.switchboard.loadbench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitWarmupTest {

    private static final Duration SLICE = Duration.ofSeconds(10);

    /** Compiler time that grows by the next scripted amount each time a load is driven (the last repeats). */
    private static final class ScriptedCompilers {
        final AtomicLong nanos = new AtomicLong();
        final List<Duration> driven = new ArrayList<>();
        private final long[] perDriveMillis;
        private int drives;

        ScriptedCompilers(long... perDriveMillis) {
            this.perDriveMillis = perDriveMillis;
        }

        JitWarmup.Load load() {
            return length -> {
                driven.add(length);
                nanos.addAndGet(Duration.ofMillis(perDriveMillis[Math.min(drives++, perDriveMillis.length - 1)]).toNanos());
            };
        }
    }

    @Test
    void theWarmUpEndsWithTheFirstSliceInWhichTheCompilersUsedLessThanTheQuietShare() throws Exception {
        // 3 s, 1 s, then 0.1 s of compiling per 10 s slice: 30%, 10%, 1% of a core.
        ScriptedCompilers compilers = new ScriptedCompilers(3_000, 1_000, 100, 0);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ofSeconds(300), SLICE, 0.02, compilers.nanos::get)
                .run(List.of(compilers.load()));

        assertTrue(outcome.settled());
        assertEquals(Duration.ofSeconds(30), outcome.spent());
        assertEquals(0.01, outcome.compilerShare(), 1e-9);
        assertEquals(3, compilers.driven.size());
        assertTrue(outcome.describe().contains("30 s at 16 connections"), outcome.describe());
        assertTrue(outcome.describe().contains("1.0% of a core"), outcome.describe());
    }

    @Test
    void compilersThatNeverQuietDownAreReportedAsStillCompilingAtTheLimit() throws Exception {
        ScriptedCompilers compilers = new ScriptedCompilers(1_000);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ofSeconds(40), SLICE, 0.02, compilers.nanos::get)
                .run(List.of(compilers.load()));

        assertFalse(outcome.settled());
        assertEquals(Duration.ofSeconds(40), outcome.spent());
        assertEquals(0.10, outcome.compilerShare(), 1e-9);
        assertTrue(outcome.describe().contains("still compiling at the 40 s limit"), outcome.describe());
    }

    @Test
    void eachSliceIsSharedAmongTheLoads() throws Exception {
        ScriptedCompilers compilers = new ScriptedCompilers(0);

        new JitWarmup(Duration.ofSeconds(300), SLICE, 0.02, compilers.nanos::get)
                .run(List.of(compilers.load(), compilers.load()));

        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5)), compilers.driven);
    }

    @Test
    void aLimitThatIsNotAWholeNumberOfSlicesEndsWithAShorterSlice() throws Exception {
        ScriptedCompilers compilers = new ScriptedCompilers(1_000);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ofSeconds(25), SLICE, 0.02, compilers.nanos::get)
                .run(List.of(compilers.load()));

        assertEquals(List.of(SLICE, SLICE, Duration.ofSeconds(5)), compilers.driven);
        assertEquals(Duration.ofSeconds(25), outcome.spent());
        assertEquals(0.20, outcome.compilerShare(), 1e-9, "1 s of compiling in a 5 s slice");
    }

    @Test
    void withoutCompilerTimesTheWarmUpRunsToItsLimitAndSaysItCouldNotReadThem() throws Exception {
        ScriptedCompilers compilers = new ScriptedCompilers(0);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ofSeconds(20), SLICE, 0.02, () -> -1)
                .run(List.of(compilers.load()));

        assertEquals(2, compilers.driven.size());
        assertFalse(outcome.settled());
        assertEquals("gateway warm-up: 20 s at 16 connections; the JIT compilers' time could not be read,"
                + " so it ran to its 20 s limit", outcome.describe());
    }

    @Test
    void compilerTimeThatDropsBetweenTwoLooksIsUnknownNotQuiet() throws Exception {
        AtomicLong reads = new AtomicLong();
        // A compiler thread that ended takes its time with it: 5 s, then 4 s, then 4 s.
        long[] seen = {5_000_000_000L, 4_000_000_000L, 4_000_000_000L, 4_000_000_000L};
        ScriptedCompilers compilers = new ScriptedCompilers(0);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ofSeconds(20), SLICE, 0.02,
                () -> seen[(int) Math.min(reads.getAndIncrement(), seen.length - 1)]).run(List.of(compilers.load()));

        assertTrue(outcome.settled(), "the second slice, 0 s of compiling, is quiet");
        assertEquals(Duration.ofSeconds(20), outcome.spent(), "the first slice, a drop, did not count as quiet");
    }

    @Test
    void aZeroLimitSkipsTheWarmUp() throws Exception {
        ScriptedCompilers compilers = new ScriptedCompilers(0);

        JitWarmup.Outcome outcome = new JitWarmup(Duration.ZERO, SLICE, 0.02, compilers.nanos::get)
                .run(List.of(compilers.load()));

        assertTrue(compilers.driven.isEmpty());
        assertEquals(Duration.ZERO, outcome.spent());
        assertEquals("gateway warm-up: none (--gateway-warmup 0)", outcome.describe());
    }

    @Test
    void aQuietShareOutsideZeroToOneIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JitWarmup(Duration.ofSeconds(10), SLICE, 1.5, () -> 0));
    }

    @Test
    void aSliceOfNoLengthAndAWarmUpWithNoLoadAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new JitWarmup(Duration.ofSeconds(10), Duration.ZERO, 0.02, () -> 0));
        assertThrows(IllegalArgumentException.class,
                () -> new JitWarmup(Duration.ofSeconds(10), SLICE, 0.02, () -> 0).run(List.of()));
    }
}
