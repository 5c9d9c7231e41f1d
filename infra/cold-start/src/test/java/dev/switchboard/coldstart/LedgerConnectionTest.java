package dev.switchboard.coldstart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerConnectionTest {

    @Test
    void givesEachStateBackendItsOwnH2FileInPostgresMode(@TempDir Path work) {
        LedgerConnection memory = LedgerConnection.h2File(work, BenchmarkOptions.StateBackend.MEMORY);
        LedgerConnection dynamo = LedgerConnection.h2File(work, BenchmarkOptions.StateBackend.DYNAMODB);

        assertTrue(memory.url().startsWith("jdbc:h2:file:" + work.toAbsolutePath().resolve("ledger-memory")),
                memory.url());
        assertTrue(memory.url().contains(";MODE=PostgreSQL;"), memory.url());
        assertNotEquals(memory.url(), dynamo.url());
        assertEquals("sa", memory.username());
        assertEquals("", memory.password());
    }

    @Test
    void refusesAMissingSetting() {
        assertThrows(NullPointerException.class, () -> new LedgerConnection("jdbc:postgresql://127.0.0.1/x", null, ""));
    }
}
