package dev.switchboard.loadbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFsTest {

    @TempDir
    Path tasks;

    /** A /proc/&lt;pid&gt;/task/&lt;tid&gt; folder with the files the benchmark reads. */
    private void thread(String tid, String name, long userTicks, long systemTicks, String cpus) throws IOException {
        Path dir = Files.createDirectories(tasks.resolve(tid));
        Files.writeString(dir.resolve("comm"), name + "\n");
        // pid (comm) state, then fields 4.. ; utime and stime are fields 14 and 15.
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 4194368 10 0 0 0 "
                + userTicks + " " + systemTicks + " 0 0 20 0 1 0 100 0 0\n");
        Files.writeString(dir.resolve("status"), "Name:\t" + name + "\nCpus_allowed:\t3\nCpus_allowed_list:\t" + cpus + "\n");
    }

    @Test
    void aStatLineGivesUserPlusSystemTimeEvenWhenTheNameHoldsSpacesAndParentheses() throws Exception {
        thread("12", "odd) name (x", 150, 50, "1");

        assertEquals(2_000_000_000L, ProcFs.cpuNanos(tasks.resolve("12").resolve("stat")));
    }

    @Test
    void onlyTheC1AndC2CompilerThreadsCount() throws Exception {
        thread("10", "C2 CompilerThre", 300, 20, "1");
        thread("11", "C1 CompilerThre", 70, 10, "1");
        thread("12", "io-executor-thr", 9_000, 100, "1");

        assertEquals(4_000_000_000L, ProcFs.compilerCpuNanos(tasks));
    }

    @Test
    void aProcessWithoutThoseCompilerThreadsHasNoCompilerTimeToRead() throws Exception {
        thread("12", "JVMCI CompilerT", 300, 0, "1");

        assertEquals(-1, ProcFs.compilerCpuNanos(tasks));
        assertEquals(-1, ProcFs.compilerCpuNanos(tasks.resolve("missing")));
    }

    @Test
    void threadsArePinnedOnlyWhenEveryOneOfThemMayRunOnExactlyTheGivenCpus() throws Exception {
        thread("10", "main", 1, 1, "1");
        thread("11", "worker", 1, 1, "1");
        assertTrue(ProcFs.allThreadsOn(tasks, CpuList.parse("1")));

        thread("12", "late-thread", 1, 1, "0-1");
        assertFalse(ProcFs.allThreadsOn(tasks, CpuList.parse("1")));
    }

    @Test
    void cpuListsParseAsTasksetAndProcWriteThem() {
        assertEquals(1, CpuList.parse("1").cardinality());
        assertEquals(CpuList.parse("0,1,2,3"), CpuList.parse("0-3"));
        assertEquals(3, CpuList.parse("0, 2-3").cardinality());
        for (String bad : new String[] {"", "a", "3-1", "1-2-3", "-1"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CpuList.parse(bad));
            assertTrue(refused.getMessage().contains("not a CPU list"), refused.getMessage());
        }
    }
}
