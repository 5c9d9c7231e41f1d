package dev.switchboard.service.priming;

import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.RecordingCracContext;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingPathPrimerTest {

    private static final PrimingReport SAMPLE = new PrimingReport(3, 2, 1);

    @Test
    void registersAtStartUpAndPrimesOnlyWhenTheCheckpointComes() throws Exception {
        RecordingCracContext crac = new RecordingCracContext();
        AtomicInteger runs = new AtomicInteger();
        PrimingWorkload workload = new PrimingWorkload(null, null, null, null) {
            @Override
            public PrimingReport run() {
                runs.incrementAndGet();
                return SAMPLE;
            }
        };

        RoutingPathPrimer primer = new RoutingPathPrimer(() -> workload, crac);

        assertEquals(1, crac.registered.size());
        assertSame(primer, crac.registered.get(0));
        assertEquals(0, runs.get(), "nothing runs on a plain start");
        assertTrue(primer.lastReport().isEmpty());

        crac.beforeCheckpoint(null);
        crac.afterRestore(null);

        assertEquals(1, runs.get());
        assertEquals(SAMPLE, primer.lastReport().orElseThrow());
    }

    @Test
    void theCheckpointWarmsRoutingJsonAndEveryAdapterWithoutCallingOutOrWritingTheLedger(@TempDir Path dir)
            throws Exception {
        String ledger = H2Ledger.freshUrl();
        try (LoopbackConnectionCounter upstream = new LoopbackConnectionCounter();
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "switchboard.state.store", "memory",
                     "datasources.default.url", ledger,
                     "switchboard.config", providersAt(dir, upstream.baseUrl()).toString()))) {
            RecordingCracContext crac = new RecordingCracContext();
            RoutingPathPrimer primer = new RoutingPathPrimer(() -> context.getBean(PrimingWorkload.class), crac);

            crac.beforeCheckpoint(null);

            PrimingReport report = primer.lastReport().orElseThrow();
            // 5 prompts (one in Chinese, for the vocabulary) x (explain without and with auto_route, recommend)
            assertEquals(15, report.decisions());
            assertEquals(6, report.jsonTypes());
            assertEquals(4, report.providerMappings());
            assertEquals(0, upstream.accepted(), "priming must not call a provider");
            assertEquals(0, rows(ledger, "request_log"));
            assertEquals(0, rows(ledger, "feedback"));
        }
    }

    @Test
    void theApplicationContextRegistersThePrimerAtStartUp() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()))) {
            // A @Context bean: built with the context, before any request, so it is registered in time.
            assertEquals(1, context.getActiveBeanRegistrations(RoutingPathPrimer.class).size());
            assertTrue(context.getBean(RoutingPathPrimer.class).lastReport().isEmpty());
        }
    }

    /** Real wire protocols, every one aimed at the counting port. */
    private static Path providersAt(Path dir, String baseUrl) throws Exception {
        Path file = dir.resolve("providers.yml");
        Files.writeString(file, """
                providers:
                  - name: openai
                    protocol: openai
                    base-url: %1$s
                    deployments:
                      - {model: gpt-4o-mini, tier: economy, rpm: 100, tpm: 100000}
                  - name: anthropic
                    protocol: anthropic
                    base-url: %1$s
                    deployments:
                      - {model: claude-3-5-sonnet-20241022, tier: premium, rpm: 100, tpm: 100000}
                  - name: gemini
                    protocol: gemini
                    base-url: %1$s
                    deployments:
                      - {model: gemini-1.5-flash, tier: standard, rpm: 100, tpm: 100000}
                """.formatted(baseUrl));
        return file;
    }

    private static int rows(String ledgerUrl, String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(ledgerUrl, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }
}
