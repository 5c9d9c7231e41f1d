package dev.switchboard.loadbench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/** Prints the runs as Markdown tables: direct beside through the gateway, and what the gateway added. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    /** A line printed before the next table, e.g. how the gateway was warmed up. */
    void note(String line) {
        out.println();
        out.println(line);
    }

    void answered(String title, List<Integer> connections, Map<Integer, LoadResult> direct,
                  Map<Integer, LoadResult> gateway, double peakRssMib) {
        table(title + ": non-streamed, latency in ms",
                "| connections | direct req/s | direct p50 / p90 / p99 | gateway req/s | gateway p50 / p90 / p99"
                        + " | added p50 / p99 | gateway CPU µs/answer | errors |",
                connections, direct, gateway, (d, g) -> rate(d) + " | " + triple(d.totalMs(50), d.totalMs(90), d.totalMs(99))
                        + " | " + rate(g) + " | " + triple(g.totalMs(50), g.totalMs(90), g.totalMs(99))
                        + " | " + pair(g.totalMs(50) - d.totalMs(50), g.totalMs(99) - d.totalMs(99))
                        + " | " + cpu(g));
        peak(peakRssMib);
    }

    void streamed(String title, List<Integer> connections, Map<Integer, LoadResult> direct,
                  Map<Integer, LoadResult> gateway, double peakRssMib) {
        table(title + ": streamed, latency in ms (first chunk = first body byte)",
                "| connections | direct first chunk p50 / p99 | direct total p50 / p99 | gateway first chunk p50 / p99"
                        + " | gateway total p50 / p99 | added first chunk p50 / p99 | gateway req/s | errors |",
                connections, direct, gateway, (d, g) -> pair(d.firstByteMs(50), d.firstByteMs(99))
                        + " | " + pair(d.totalMs(50), d.totalMs(99))
                        + " | " + pair(g.firstByteMs(50), g.firstByteMs(99))
                        + " | " + pair(g.totalMs(50), g.totalMs(99))
                        + " | " + pair(g.firstByteMs(50) - d.firstByteMs(50), g.firstByteMs(99) - d.firstByteMs(99))
                        + " | " + rate(g));
        peak(peakRssMib);
    }

    /** One table: a row per connection count measured both ways, its middle columns from {@code columns}. */
    private void table(String heading, String header, List<Integer> connections, Map<Integer, LoadResult> direct,
                       Map<Integer, LoadResult> gateway, BiFunction<LoadResult, LoadResult, String> columns) {
        out.println();
        out.println("### " + heading);
        out.println();
        out.println(header);
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int c : connections) {
            LoadResult d = direct.get(c);
            LoadResult g = gateway.get(c);
            if (d != null && g != null) {
                out.println("| " + c + " | " + columns.apply(d, g) + " | " + (d.errors() + g.errors()) + " |");
            }
        }
    }

    private void peak(double peakRssMib) {
        if (peakRssMib >= 0) {
            out.println();
            out.println(String.format(Locale.ROOT, "Gateway peak RSS (VmHWM): %.0f MiB", peakRssMib));
        }
        out.flush();
    }

    private static String cpu(LoadResult result) {
        double micros = result.serverCpuMicrosPerAnswer();
        return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.0f", micros);
    }

    static String rate(LoadResult result) {
        return String.format(Locale.ROOT, "%,.0f", result.requestsPerSecond());
    }

    private static String pair(double a, double b) {
        return ms(a) + " / " + ms(b);
    }

    private static String triple(double a, double b, double c) {
        return ms(a) + " / " + ms(b) + " / " + ms(c);
    }

    private static String ms(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.3f" : "%.1f", value);
    }
}
