package dev.switchboard.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one benchmark invocation measures. {@code memoryMb} is the function's Lambda memory; the
 * measured JVM gets that less {@link #NON_HEAP_MB} as its heap (metaspace, code cache, threads and the
 * runtime live outside it).
 */
record BenchmarkOptions(Path lambdaJar, Path runnerJar, List<Path> ledgerDriver, Path artifactsRoot, Path workDir,
                        int runs, int memoryMb, List<StateBackend> states, LedgerDatabase ledger, boolean appCds,
                        boolean primed, boolean unpacked, Map<String, String> extraEnvironment) {

    static final int NON_HEAP_MB = 256;

    enum StateBackend {
        /** In-process state: the function's own cold start. */
        MEMORY,
        /** DynamoDB Local on loopback, started by the benchmark before the runs. */
        DYNAMODB;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the function's ledger lives while it starts. */
    enum LedgerDatabase {
        /**
         * PostgreSQL on loopback, in its own process, reached with the driver in the Lambda jar: what a
         * deployed function does.
         */
        POSTGRES,
        /** An H2 file database opened inside the measured JVM (its driver beside the jar): the local default. */
        H2;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    BenchmarkOptions {
        requireFile(lambdaJar, "--lambda-jar");
        Objects.requireNonNull(ledger, "ledger");
        requireFile(runnerJar, "--runner-jar");
        ledgerDriver = List.copyOf(ledgerDriver);
        states = List.copyOf(states);
        extraEnvironment = Map.copyOf(extraEnvironment);
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1");
        }
        if (memoryMb <= NON_HEAP_MB) {
            throw new IllegalArgumentException("--memory must exceed " + NON_HEAP_MB + " MB");
        }
        if (states.isEmpty()) {
            throw new IllegalArgumentException("--state names no backend");
        }
        if (ledger == LedgerDatabase.H2 && ledgerDriver.isEmpty()) {
            throw new IllegalArgumentException("--ledger h2 needs H2's jar (--ledger-driver)");
        }
    }

    int heapMb() {
        return memoryMb - NON_HEAP_MB;
    }

    static BenchmarkOptions parse(String[] args) {
        Path lambdaJar = null;
        Path runnerJar = null;
        List<Path> driver = new ArrayList<>();
        Path artifacts = Path.of(".");
        Path work = Path.of("infra/cold-start/target/work");
        int runs = 10;
        int memory = 1536;
        List<StateBackend> states = List.of(StateBackend.MEMORY);
        LedgerDatabase ledger = LedgerDatabase.POSTGRES;
        boolean cds = false;
        boolean primed = false;
        boolean unpacked = false;
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--appcds" -> cds = true;
                case "--primed" -> primed = true;
                case "--unpacked" -> unpacked = true;
                case "--lambda-jar" -> lambdaJar = Path.of(value(args, ++i, flag));
                case "--runner-jar" -> runnerJar = Path.of(value(args, ++i, flag));
                case "--ledger-driver" -> driver.add(Path.of(value(args, ++i, flag)));
                case "--artifacts" -> artifacts = Path.of(value(args, ++i, flag));
                case "--work" -> work = Path.of(value(args, ++i, flag));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i, flag));
                case "--memory" -> memory = Integer.parseInt(value(args, ++i, flag));
                case "--state" -> states = backends(value(args, ++i, flag));
                case "--ledger" -> ledger = ledgerDatabase(value(args, ++i, flag));
                case "--env" -> addVariable(extra, value(args, ++i, flag));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return new BenchmarkOptions(lambdaJar, runnerJar, driver, artifacts, work, runs, memory, states, ledger, cds,
                primed, unpacked, extra);
    }

    private static List<StateBackend> backends(String value) {
        return switch (value) {
            case "memory" -> List.of(StateBackend.MEMORY);
            case "dynamodb" -> List.of(StateBackend.DYNAMODB);
            case "both" -> List.of(StateBackend.MEMORY, StateBackend.DYNAMODB);
            default -> throw new IllegalArgumentException("--state is memory, dynamodb or both, not " + value);
        };
    }

    private static LedgerDatabase ledgerDatabase(String value) {
        return switch (value) {
            case "postgres" -> LedgerDatabase.POSTGRES;
            case "h2" -> LedgerDatabase.H2;
            default -> throw new IllegalArgumentException("--ledger is postgres or h2, not " + value);
        };
    }

    /** {@code --env NAME=VALUE}: a variable for the measured JVM, e.g. to try a setting's effect on start-up. */
    private static void addVariable(Map<String, String> extra, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("--env takes NAME=VALUE, not " + assignment);
        }
        extra.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static void requireFile(Path path, String flag) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(flag + " must name an existing file: " + path);
        }
    }
}
