package dev.switchboard.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one fresh JVM on the Lambda jar with Lambda-like flags (C1 only, as Lambda's Java runtimes set
 * through JAVA_TOOL_OPTIONS; serial GC; the heap of the function's memory) and times it from just
 * before the process starts to the runner's answer line.
 */
final class ChildJvm {

    private static final long TIMEOUT_SECONDS = 120;

    private final List<String> classpath;
    private final int heapMb;
    private final Map<String, String> environment;
    private final Path logDir;

    ChildJvm(List<String> classpath, int heapMb, Map<String, String> environment, Path logDir) {
        this.classpath = List.copyOf(classpath);
        this.heapMb = heapMb;
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
    }

    /** One run; {@code extraFlags} selects AppCDS (creating or using an archive). */
    RunResult run(String label, List<String> extraFlags) {
        return run(label, extraFlags, false);
    }

    /** As above; {@code primed} has the runner prime the routing path before its timed event. */
    RunResult run(String label, List<String> extraFlags, boolean primed) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-Xmx" + heapMb + "m"));
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classpath),
                ColdStartRunner.class.getName(), environment.get("SWITCHBOARD_ADMIN_KEY")));
        if (primed) {
            command.add(ColdStartRunner.PRIMED);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(logDir.resolve(label + ".stderr.log").toFile());
        Map<String, String> env = builder.environment();
        // Nothing of this shell's Switchboard or JVM settings may leak into the measured start.
        env.keySet().removeIf(name -> name.startsWith("SWITCHBOARD_") || name.startsWith("MICRONAUT_")
                || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS") || name.startsWith("AWS_"));
        env.putAll(environment);
        try {
            long started = System.nanoTime();
            Process process = builder.start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(ColdStartRunner.ANSWERED)) {
                        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        RunResult result = RunResult.parse(wall, line);
                        String rest = drain(out);
                        awaitExit(process, label);
                        if (result.status() != 200) {
                            throw new IllegalStateException(label + ": the function answered " + result.status()
                                    + " " + rest + " (see " + logDir.resolve(label + ".stderr.log") + ")");
                        }
                        return result;
                    }
                }
            }
            awaitExit(process, label);
            throw new IllegalStateException(label + ": the runner exited without answering (exit "
                    + process.exitValue() + "; see " + logDir.resolve(label + ".stderr.log") + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String drain(BufferedReader out) throws IOException {
        StringBuilder rest = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            rest.append(line).append(' ');
        }
        return rest.toString().strip();
    }

    private static void awaitExit(Process process, String label) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(label + ": the runner did not exit within " + TIMEOUT_SECONDS + " s");
        }
    }
}
