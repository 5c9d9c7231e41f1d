package dev.switchboard.loadbench;

import org.HdrHistogram.Histogram;

/**
 * What one closed-loop run measured: answers with a 2xx status inside the measured window, their
 * latency (request sent to last byte) and time to the first body byte, and everything else as errors.
 * {@code serverCpuNanos} is the CPU time the server under test used in the window (-1 when unknown):
 * on a shared machine the CPU per answer says more about its cost than the rate does.
 */
record LoadResult(int connections, long answered, long errors, double seconds, Histogram total, Histogram firstByte,
                  long serverCpuNanos) {

    /** Latencies are recorded in nanoseconds, up to a minute, to three significant digits. */
    static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }

    double requestsPerSecond() {
        return answered / seconds;
    }

    /** The server's CPU time per answer in microseconds, or NaN when unknown. */
    double serverCpuMicrosPerAnswer() {
        return serverCpuNanos < 0 || answered == 0 ? Double.NaN : serverCpuNanos / 1e3 / answered;
    }

    /** The total latency at {@code percentile} (0-100), in milliseconds; NaN without answers. */
    double totalMs(double percentile) {
        return millis(total, percentile);
    }

    double firstByteMs(double percentile) {
        return millis(firstByte, percentile);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
    }
}
