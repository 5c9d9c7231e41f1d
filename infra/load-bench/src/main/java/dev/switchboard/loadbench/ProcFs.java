package dev.switchboard.loadbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.stream.Stream;

/** What the benchmark reads of a process in /proc: CPU times and the CPUs its threads may run on. */
final class ProcFs {

    private ProcFs() {
    }

    /** User + system time of a /proc stat file (a process's or a thread's), in nanoseconds at 100 ticks a second. */
    static long cpuNanos(Path stat) throws IOException {
        String text = Files.readString(stat);
        // Fields after the command name, which is in parentheses and may hold spaces and parentheses.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    /**
     * CPU time of the JIT compiler threads under {@code tasks} (a /proc/&lt;pid&gt;/task folder; HotSpot
     * names them "C1 CompilerThread…" and "C2 CompilerThread…", cut to 15 characters), in nanoseconds;
     * -1 when there is none to read (another JIT, an interpreter-only JVM, no /proc).
     */
    static long compilerCpuNanos(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            long total = 0;
            boolean found = false;
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        total += cpuNanos(thread.resolve("stat"));
                        found = true;
                    }
                } catch (IOException e) {
                    // The thread ended between the listing and the read: it has no time left to count.
                }
            }
            return found ? total : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether every thread under {@code tasks} may run on exactly {@code cpus} (Cpus_allowed_list). */
    static boolean allThreadsOn(Path tasks, BitSet cpus) {
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    for (String line : Files.readAllLines(thread.resolve("status"))) {
                        if (line.startsWith("Cpus_allowed_list:")
                                && !CpuList.parse(line.substring(line.indexOf(':') + 1)).equals(cpus)) {
                            return false;
                        }
                    }
                } catch (IOException e) {
                    // An ended thread runs nowhere.
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
