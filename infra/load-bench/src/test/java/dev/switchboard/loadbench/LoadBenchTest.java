package dev.switchboard.loadbench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each gateway run starts from an empty data folder. */
class LoadBenchTest {

    @TempDir
    Path work;

    @Test
    void aRunsDataFolderIsDeletedWithEverythingInIt() throws Exception {
        Path data = work.resolve("memory").resolve("data");
        Files.createDirectories(data.resolve("nested"));
        Files.writeString(data.resolve("ledger.mv.db"), "rows of an earlier run");
        Files.writeString(data.resolve("nested").resolve("more"), "x");

        LoadBench.deleteTree(data);

        assertFalse(Files.exists(data));
        assertTrue(Files.isDirectory(work.resolve("memory")), "only the data folder goes");
    }

    @Test
    void aMissingDataFolderIsNothingToDelete() throws Exception {
        LoadBench.deleteTree(work.resolve("never-made"));

        assertFalse(Files.exists(work.resolve("never-made")));
    }
}
