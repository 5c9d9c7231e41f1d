package dev.switchboard.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkOptionsTest {

    @Test
    void readsTheCommandLine(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("f-lambda.jar"));
        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--lambda-jar", jar.toString(), "--runner-jar",
                jar.toString(), "--runs", "7", "--memory", "1024", "--state", "both", "--appcds",
                "--env", "SWITCHBOARD_LEDGER_MIGRATE=false", "--primed", "--unpacked"});

        assertEquals(7, o.runs());
        assertEquals(1024 - BenchmarkOptions.NON_HEAP_MB, o.heapMb());
        assertEquals(List.of(BenchmarkOptions.StateBackend.MEMORY, BenchmarkOptions.StateBackend.DYNAMODB), o.states());
        assertTrue(o.appCds());
        assertTrue(o.primed());
        assertTrue(o.unpacked());
        assertEquals(Map.of("SWITCHBOARD_LEDGER_MIGRATE", "false"), o.extraEnvironment());
    }

    @Test
    void refusesAMissingJarNamingTheOption(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(
                new String[] {"--lambda-jar", dir.resolve("missing.jar").toString()}));

        assertTrue(e.getMessage().contains("--lambda-jar"), e.getMessage());
    }
}
