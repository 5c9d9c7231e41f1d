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
        assertEquals(BenchmarkOptions.LedgerDatabase.POSTGRES, o.ledger(), "a deployed function's ledger by default");
    }

    @Test
    void choosesTheH2LedgerOnlyWithItsDriver(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("f-lambda.jar"));
        String[] withoutDriver = {"--lambda-jar", jar.toString(), "--runner-jar", jar.toString(), "--ledger", "h2"};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkOptions.parse(withoutDriver));
        assertTrue(e.getMessage().contains("--ledger-driver"), e.getMessage());

        BenchmarkOptions o = BenchmarkOptions.parse(new String[] {"--lambda-jar", jar.toString(), "--runner-jar",
                jar.toString(), "--ledger", "h2", "--ledger-driver", jar.toString()});
        assertEquals(BenchmarkOptions.LedgerDatabase.H2, o.ledger());
        assertEquals(List.of(jar), o.ledgerDriver());
    }

    @Test
    void refusesAnUnknownLedger(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("f-lambda.jar"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(
                new String[] {"--lambda-jar", jar.toString(), "--runner-jar", jar.toString(), "--ledger", "mysql"}));

        assertTrue(e.getMessage().contains("postgres or h2"), e.getMessage());
    }

    @Test
    void refusesAMissingJarNamingTheOption(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(
                new String[] {"--lambda-jar", dir.resolve("missing.jar").toString()}));

        assertTrue(e.getMessage().contains("--lambda-jar"), e.getMessage());
    }
}
