package dev.switchboard.loadbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts (the fake upstream, a gateway), held to the given CPUs with taskset
 * when there is one, its output in a log file. Its peak resident memory is read from /proc.
 */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}, pinned to {@code cpus} (e.g. "1") when taskset is present and cpus is not blank. */
    static ChildProcess start(List<String> command, String cpus, Map<String, String> environment, Path log)
            throws IOException {
        List<String> full = new ArrayList<>();
        if (cpus != null && !cpus.isBlank() && Taskset.available()) {
            full.addAll(List.of("taskset", "-c", cpus));
        }
        full.addAll(command);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildProcess(builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Holds every thread of the running process to {@code cpus} from now on (threads it starts later
     * inherit it), with {@code taskset -a -p}, and checks every thread's allowed CPUs after; false when
     * taskset is missing, refused or did not reach every thread.
     */
    boolean pin(String cpus) throws IOException, InterruptedException {
        if (!Taskset.available() || cpus == null || cpus.isBlank()) {
            return false;
        }
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(process.pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!taskset.waitFor(30, TimeUnit.SECONDS)) {
            taskset.destroyForcibly();
            return false;
        }
        return taskset.exitValue() == 0 && ProcFs.allThreadsOn(tasks(), CpuList.parse(cpus));
    }

    /**
     * Waits up to {@code pause} for the process to end, and says whether it has: a poll that waits this way
     * learns of a process that died at once, instead of after its pause.
     */
    boolean endsWithin(Duration pause) throws InterruptedException {
        return process.waitFor(pause.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** VmHWM of /proc/&lt;pid&gt;/status in MiB (the most memory the process has held), or -1 when unknown. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the process has used so far (user + system, all threads: JIT and GC included), in
     * nanoseconds, from /proc/&lt;pid&gt;/stat; -1 when unknown.
     */
    long cpuNanos() {
        try {
            return ProcFs.cpuNanos(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time the JVM's JIT compiler threads have used so far, in nanoseconds; -1 when unknown. A
     * warm-up is over when this stops growing much: until then the compilers take CPU from the answers.
     */
    long compilerCpuNanos() {
        return ProcFs.compilerCpuNanos(tasks());
    }

    private Path tasks() {
        return Path.of("/proc", String.valueOf(process.pid()), "task");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
