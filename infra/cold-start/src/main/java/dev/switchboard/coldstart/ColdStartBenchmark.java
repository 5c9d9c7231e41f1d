package dev.switchboard.coldstart;

import dev.switchboard.coldstart.BenchmarkOptions.LedgerDatabase;
import dev.switchboard.coldstart.BenchmarkOptions.StateBackend;
import dev.switchboard.localaws.DynamoDbLocalServer;
import dev.switchboard.testing.EmbeddedLedgerDatabase;
import dev.switchboard.testing.IsolatedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cold-start benchmark (README "Cold start"): for each state backend, one discarded warm-up run
 * (it migrates the ledger, as a deploy would, and fills the page cache), then {@code --runs} fresh JVMs;
 * with {@code --unpacked} as many from the jar's contents unpacked into a folder, as Lambda runs a
 * package; with {@code --appcds} also a training run that writes an AppCDS archive and as many runs with it.
 * Prints each run, then median / min / max, and the Lambda jars' sizes.
 */
public final class ColdStartBenchmark {

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        BenchmarkOptions options = BenchmarkOptions.parse(args);
        Files.createDirectories(options.workDir());
        System.out.println("Lambda jars:");
        ArtifactSizes.describe(options.artifactsRoot()).forEach(line -> System.out.println("  " + line));
        System.out.println("JVM " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; flags -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xmx" + options.heapMb()
                + "m (function memory " + options.memoryMb() + " MB); ledger " + options.ledger().label()
                + (options.extraEnvironment().isEmpty() ? "" : "; extra variables " + options.extraEnvironment()));
        List<String> summaries = new ArrayList<>();
        Path task = options.unpacked()
                ? UnpackedPackage.unpack(options.lambdaJar(), options.workDir().resolve("task")) : null;
        for (StateBackend state : options.states()) {
            try (DynamoDbLocalServer dynamo = state == StateBackend.DYNAMODB ? DynamoDbLocalServer.startInMemory(
                    DynamoDbLocalServer.ANY_FREE_PORT) : null;
                 IsolatedDatabase postgres = options.ledger() == LedgerDatabase.POSTGRES
                         ? EmbeddedLedgerDatabase.shared().createDatabase("coldstart_" + state.label()) : null) {
                LedgerConnection ledger = postgres == null ? LedgerConnection.h2File(options.workDir(), state)
                        : new LedgerConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
                Map<String, String> environment = LambdaLikeEnvironment.of(options, state, dynamo, ledger);
                ChildJvm jvm = new ChildJvm(classpath(options, options.lambdaJar()), options.heapMb(), environment,
                        options.workDir());
                ChildJvm unpacked = task == null ? null
                        : new ChildJvm(classpath(options, task), options.heapMb(), environment, options.workDir());
                summaries.addAll(measure(jvm, unpacked, options, state));
            }
        }
        System.out.println();
        System.out.println("Cold start, process start to first POST /complete answered:");
        summaries.forEach(s -> System.out.println("  " + s));
        // DynamoDB Local leaves non-daemon threads behind after it is closed; the benchmark is done.
        System.exit(0);
    }

    /** @param unpacked the same JVM on the unpacked package (Lambda's layout), or null when not asked for */
    private static List<String> measure(ChildJvm jvm, ChildJvm unpacked, BenchmarkOptions options, StateBackend state) {
        String label = state.label();
        List<String> summaries = new ArrayList<>();
        System.out.println("[" + label + "] warm-up (not counted): " + jvm.run(label + "-warmup", List.of()));
        summaries.add(label + " state, no AppCDS:   " + series(jvm, options.runs(), label, List.of()));
        if (unpacked != null) {
            // Its own warm-up: the first read of some 17,000 files would otherwise be timed.
            System.out.println("[" + label + "-unpacked] warm-up (not counted): "
                    + unpacked.run(label + "-unpacked-warmup", List.of()));
            summaries.add(label + " state, unpacked:    " + series(unpacked, options.runs(), label + "-unpacked",
                    List.of()));
        }
        if (options.appCds()) {
            Path archive = options.workDir().resolve("complete-" + label + ".jsa").toAbsolutePath();
            deleteIfPresent(archive);
            System.out.println("[" + label + "] AppCDS training (not counted): "
                    + jvm.run(label + "-cds-training", List.of("-XX:ArchiveClassesAtExit=" + archive)));
            summaries.add(label + " state, with AppCDS: " + series(jvm, options.runs(), label + "-cds",
                    List.of("-XX:SharedArchiveFile=" + archive)));
        }
        if (options.primed()) {
            summaries.add(label + " state, first event after the SnapStart priming: " + primedFirstEvents(jvm, options.runs(), label));
        }
        return summaries;
    }

    /** The first event's own time, with and without the priming having run in the same JVM before it. */
    private static String primedFirstEvents(ChildJvm jvm, int runs, String label) {
        List<Long> plain = new ArrayList<>();
        List<Long> primed = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            RunResult without = jvm.run(label + "-unprimed-" + i, List.of(), false);
            RunResult with = jvm.run(label + "-primed-" + i, List.of(), true);
            System.out.println("[" + label + "] first event " + i + ": unprimed " + without.firstEventMs()
                    + " ms, primed " + with.firstEventMs() + " ms");
            plain.add(without.firstEventMs());
            primed.add(with.firstEventMs());
        }
        return "median " + new Timings(primed).median() + " ms (min " + new Timings(primed).min() + ", max "
                + new Timings(primed).max() + ") against " + new Timings(plain).median() + " ms unprimed";
    }

    private static Series series(ChildJvm jvm, int runs, String label, List<String> flags) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            RunResult result = jvm.run(label + "-" + i, flags);
            System.out.println("[" + label + "] run " + i + ": " + result);
            wall.add(result.wallMs());
            cpu.add(result.cpuMs());
        }
        Timings timings = new Timings(wall);
        System.out.println("[" + label + "] wall " + timings.summary() + "; CPU median " + new Timings(cpu).median()
                + " ms");
        return new Series(timings, new Timings(cpu));
    }

    /** Wall time (what a caller waits) and the process's CPU time (steadier on a busy machine). */
    private record Series(Timings wall, Timings cpu) {
        @Override
        public String toString() {
            return "wall " + wall.summary() + "; CPU median=" + cpu.median() + " ms";
        }
    }

    /** @param function the Lambda jar, or the folder it was unpacked into */
    private static List<String> classpath(BenchmarkOptions options, Path function) {
        List<String> entries = new ArrayList<>();
        entries.add(function.toAbsolutePath().toString());
        // PostgreSQL's driver is in the Lambda jar; H2's is not, and goes beside it.
        if (options.ledger() == LedgerDatabase.H2) {
            options.ledgerDriver().forEach(p -> entries.add(p.toAbsolutePath().toString()));
        }
        entries.add(options.runnerJar().toAbsolutePath().toString());
        return entries;
    }

    private static void deleteIfPresent(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
