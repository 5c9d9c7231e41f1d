package dev.switchboard.loadbench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The load benchmark: starts the fake upstream, measures it directly, then starts the local gateway
 * in front of it once per scenario (held to one CPU with taskset) and measures through it, at each
 * connection count, non-streamed and streamed; prints Markdown tables. Options: see {@code run.sh}.
 */
public final class LoadBench {

    static final String CHAT_PATH = "/v1/chat/completions";
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello in one short sentence.\"}]";
    static final String ANSWERED_BODY = "{\"model\":\"auto\"," + MESSAGES + ",\"max_tokens\":32}";
    static final String STREAMED_BODY = "{\"model\":\"auto\"," + MESSAGES + ",\"max_tokens\":32,\"stream\":true}";

    private final BenchArguments arguments;
    private final Path work;
    private final Duration warmup;
    private final Duration measured;
    private final List<Integer> connections;
    private final List<Integer> streamConnections;
    private final Report report = new Report(System.out);

    private LoadBench(BenchArguments arguments) {
        this.arguments = arguments;
        this.work = Path.of(arguments.text("work-dir", "target/load-bench")).toAbsolutePath().normalize();
        this.warmup = Duration.ofSeconds(arguments.integer("warmup", 5));
        this.measured = Duration.ofSeconds(arguments.integer("seconds", 10));
        this.connections = arguments.integers("connections", "1,16,64");
        String streamed = arguments.text("stream-connections", "1,16").trim();
        this.streamConnections = streamed.equals("none") ? List.of() : arguments.integers("stream-connections", "1,16");
    }

    public static void main(String[] args) throws Exception {
        new LoadBench(BenchArguments.parse(args)).run();
    }

    private void run() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String ownJar = Path.of(LoadBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        int base = arguments.integer("port-base", 19200);
        String clientCpus = arguments.text("client-cpus", "0");
        String gatewayCpus = arguments.text("gateway-cpus", "1");
        int chunkGap = arguments.integer("chunk-gap-ms", 5);
        System.out.println("taskset: " + (Taskset.available() ? "gateway on CPU " + gatewayCpus
                + ", fake upstream on CPU " + clientCpus : "not found, every process runs unpinned"));
        System.out.println("each run: " + warmup.toSeconds() + " s warm-up, then " + measured.toSeconds()
                + " s measured; streamed answers: 13 events " + chunkGap + " ms apart");
        InetSocketAddress upstreamAddress = new InetSocketAddress("127.0.0.1", base + 1);
        try (ChildProcess upstream = ChildProcess.start(List.of(java, "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m",
                        "-cp", ownJar, FakeUpstream.class.getName(), "--port", String.valueOf(base + 1),
                        "--chunk-gap-ms", String.valueOf(chunkGap)), clientCpus, Map.of(),
                work.resolve("upstream.log"))) {
            byte[] directAnswered = LoadGenerator.post(upstreamAddress, CHAT_PATH, ANSWERED_BODY);
            byte[] directStreamed = LoadGenerator.post(upstreamAddress, CHAT_PATH, STREAMED_BODY);
            Exchange.awaitOk(upstreamAddress, directAnswered, Duration.ofSeconds(30), upstream);
            Map<Integer, LoadResult> direct = measure("direct", upstreamAddress, directAnswered, connections);
            Map<Integer, LoadResult> directStream = measure("direct, streamed", upstreamAddress, directStreamed,
                    streamConnections);
            for (String key : arguments.text("scenarios", "memory,dynamodb,cache").split(",")) {
                GatewayScenario scenario = GatewayScenario.of(key);
                runGateway(scenario, java, base + 2, base + 1, gatewayCpus, direct, directStream);
            }
        }
    }

    private void runGateway(GatewayScenario scenario, String java, int port, int upstreamPort, String cpus,
                            Map<Integer, LoadResult> direct, Map<Integer, LoadResult> directStream) throws Exception {
        Path dir = work.resolve(scenario.key());
        Map<String, String> env = new HashMap<>(scenario.environment());
        env.put("PORT", String.valueOf(port));
        env.put("SWITCHBOARD_CONFIG", GatewayFiles.providers(dir, upstreamPort).toString());
        env.put("SWITCHBOARD_PRICES", GatewayFiles.prices(dir).toString());
        // Every run starts with an empty ledger: a ledger file grown by earlier runs (hundreds of MB) is
        // slower to insert into and compacts in the background, which made runs incomparable.
        Path data = dir.resolve("data");
        deleteTree(data);
        env.put("SWITCHBOARD_DATA_DIR", data.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        List<String> command = new ArrayList<>(List.of(java));
        String jvm = arguments.text("gateway-jvm", "").trim();
        if (!jvm.isEmpty()) {
            command.addAll(Arrays.asList(jvm.split("\\s+")));
        }
        if (Boolean.parseBoolean(arguments.text("jfr", "false"))) {
            command.add("-XX:StartFlightRecording=filename=" + dir.resolve("gateway.jfr") + ",settings=profile");
        }
        command.addAll(List.of("-jar", arguments.text("gateway-jar", "infra/local-gateway/target/local-gateway-all.jar")));
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
        byte[] answered = LoadGenerator.post(address, CHAT_PATH, ANSWERED_BODY);
        byte[] streamed = LoadGenerator.post(address, CHAT_PATH, STREAMED_BODY);
        System.out.println();
        System.out.println("gateway: " + scenario.title() + " (log: " + dir.resolve("gateway.log") + ")");
        Duration warmLimit = Duration.ofSeconds(arguments.integer("gateway-warmup", 300));
        // The warm-up runs on every CPU, so that the JIT compilers are not starved by the request
        // threads (on one core they get about a tenth of it); the gateway is held to its CPU after.
        // The JVM sizes its GC, compiler and event-loop threads for the CPUs it is measured on.
        String allCpus = CpuList.online();
        boolean warmOnAll = !warmLimit.isZero() && Taskset.available() && !cpus.isBlank() && allCpus != null;
        if (warmOnAll) {
            command.add(1, "-XX:ActiveProcessorCount=" + CpuList.parse(cpus).cardinality());
        }
        try (ChildProcess gateway = ChildProcess.start(command, warmOnAll ? allCpus : cpus, env, dir.resolve("gateway.log"))) {
            Exchange.awaitOk(address, answered, Duration.ofSeconds(180), gateway);
            boolean streams = scenario.streamed() && !streamConnections.isEmpty();
            List<JitWarmup.Load> warmLoads = new ArrayList<>();
            for (byte[] request : streams ? List.of(answered, streamed) : List.of(answered)) {
                LoadGenerator load = new LoadGenerator(address, request);
                warmLoads.add(length -> load.run(JitWarmup.CONNECTIONS, Duration.ZERO, length));
            }
            JitWarmup.Outcome warm = new JitWarmup(warmLimit, JitWarmup.SLICE,
                    arguments.integer("jit-quiet-percent", 2) / 100.0, gateway::compilerCpuNanos).run(warmLoads);
            String pinned = !warmOnAll ? "" : gateway.pin(cpus)
                    ? "; warmed on CPUs " + allCpus + ", then every thread held to CPU " + cpus
                    : "; warmed on CPUs " + allCpus + ", but holding it to CPU " + cpus + " FAILED: measured unpinned";
            System.err.println("  " + scenario.key() + ": " + warm.describe() + pinned);
            report.note(warm.describe() + pinned);
            Map<Integer, LoadResult> through = measure("gateway " + scenario.key(), address, answered, connections,
                    gateway::cpuNanos);
            report.answered("Gateway, " + scenario.title(), connections, direct, through, gateway.peakRssMib());
            if (scenario.streamed() && !streamConnections.isEmpty()) {
                Map<Integer, LoadResult> throughStream = measure("gateway " + scenario.key() + ", streamed", address,
                        streamed, streamConnections, gateway::cpuNanos);
                report.streamed("Gateway, " + scenario.title(), streamConnections, directStream, throughStream,
                        gateway.peakRssMib());
            }
        }
    }

    private Map<Integer, LoadResult> measure(String label, InetSocketAddress target, byte[] request,
                                             List<Integer> counts) throws IOException {
        return measure(label, target, request, counts, () -> -1);
    }

    private Map<Integer, LoadResult> measure(String label, InetSocketAddress target, byte[] request,
                                             List<Integer> counts, LongSupplier serverCpu) throws IOException {
        Map<Integer, LoadResult> results = new LinkedHashMap<>();
        LoadGenerator generator = new LoadGenerator(target, request);
        for (int c : counts) {
            LoadResult result = generator.run(c, warmup, measured, serverCpu);
            results.put(c, result);
            System.err.printf("  %s, %d connection(s): %s req/s, p50 %.3f ms, p99 %.3f ms, errors %d,"
                            + " server CPU %.0f us/answer%n", label, c, Report.rate(result), result.totalMs(50),
                    result.totalMs(99), result.errors(), result.serverCpuMicrosPerAnswer());
        }
        return results;
    }

    /** Deletes {@code root} and everything under it, if it exists: only the benchmark's own files. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
