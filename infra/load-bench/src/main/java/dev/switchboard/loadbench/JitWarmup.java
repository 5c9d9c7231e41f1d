package dev.switchboard.loadbench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Loads the gateway at 16 connections, one slice at a time, until its JIT compilers go quiet or a
 * time limit passes. On one core the compiler threads get only their fair share of the CPU beside
 * the request threads (about a tenth under load), so a fixed short warm-up ends while the compilers
 * are still busy, and what is measured then is the compiler's cost spread over the answers.
 */
final class JitWarmup {

    static final Duration SLICE = Duration.ofSeconds(10);
    static final int CONNECTIONS = 16;

    /** Load driven for a given time: the gateway's answered (and streamed) requests at 16 connections. */
    interface Load {
        void drive(Duration length) throws IOException;
    }

    /** How the warm-up ended: its length, and the compilers' share of one core in its last slice. */
    record Outcome(Duration spent, double compilerShare, boolean settled, Duration limit, Duration slice) {

        String describe() {
            if (spent.isZero()) {
                return "gateway warm-up: none (--gateway-warmup 0)";
            }
            String head = "gateway warm-up: " + spent.toSeconds() + " s at " + CONNECTIONS + " connections; ";
            if (compilerShare < 0) {
                return head + "the JIT compilers' time could not be read, so it ran to its " + limit.toSeconds()
                        + " s limit";
            }
            return head + "JIT compilers in its last " + slice.toSeconds() + " s: "
                    + String.format(Locale.ROOT, "%.1f%% of a core", 100 * compilerShare)
                    + (settled ? "" : " (still compiling at the " + limit.toSeconds() + " s limit)");
        }
    }

    private final Duration limit;
    private final Duration slice;
    private final double quietShare;
    private final LongSupplier compilerCpuNanos;

    /**
     * @param limit            the longest warm-up; zero skips it
     * @param slice            how long the load runs between two looks at the compilers
     * @param quietShare       the compilers' share of one core (0 to 1) below which they count as quiet
     * @param compilerCpuNanos the gateway's JIT compiler time so far, -1 when unknown
     */
    JitWarmup(Duration limit, Duration slice, double quietShare, LongSupplier compilerCpuNanos) {
        if (limit.isNegative() || slice.isNegative() || slice.isZero() || quietShare < 0 || quietShare > 1) {
            throw new IllegalArgumentException("warm-up limit must be >= 0, the slice > 0 and the quiet share within 0 to 1");
        }
        this.limit = limit;
        this.slice = slice;
        this.quietShare = quietShare;
        this.compilerCpuNanos = compilerCpuNanos;
    }

    /** Runs the warm-up, each slice shared among {@code loads} (answered and, if measured, streamed). */
    Outcome run(List<Load> loads) throws IOException {
        if (loads.isEmpty()) {
            throw new IllegalArgumentException("a warm-up needs at least one load");
        }
        Duration spent = Duration.ZERO;
        double share = -1;
        while (spent.compareTo(limit) < 0) {
            Duration length = limit.minus(spent).compareTo(slice) < 0 ? limit.minus(spent) : slice;
            long before = compilerCpuNanos.getAsLong();
            for (Load load : loads) {
                load.drive(length.dividedBy(loads.size()));
            }
            long after = compilerCpuNanos.getAsLong();
            spent = spent.plus(length);
            // Against the slice's planned length: the loads run for it, give or take a response. A
            // compiler thread that ended takes its time with it: a drop reads as unknown, not quiet.
            share = before < 0 || after < before ? -1 : (double) (after - before) / length.toNanos();
            if (share >= 0 && share < quietShare) {
                return new Outcome(spent, share, true, limit, slice);
            }
        }
        return new Outcome(spent, share, limit.isZero(), limit, slice);
    }
}
