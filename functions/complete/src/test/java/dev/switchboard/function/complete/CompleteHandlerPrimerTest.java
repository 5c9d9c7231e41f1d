package dev.switchboard.function.complete;

import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.crac.Context;
import org.crac.Resource;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompleteHandlerPrimerTest {

    @Test
    void beforeTheCheckpointARequestWithoutAKeyRunsTheHandlerAndStopsAtAuthentication() throws Exception {
        String ledger = H2Ledger.freshUrl();
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "switchboard.state.store", "memory",
                "switchboard.admin-key", "sk-admin-for-this-test",
                "datasources.default.url", ledger,
                "switchboard.config", "classpath:fixtures/providers/instant-simulated.yml"))) {
            List<Resource> registered = new ArrayList<>();
            CompleteHandlerPrimer primer = new CompleteHandlerPrimer(context, recording(registered));

            assertSame(primer, registered.get(0));
            assertTrue(primer.lastStatus().isEmpty(), "nothing runs on a plain start");

            MDC.clear(); // what an earlier test's invocation on this thread left
            MDC.put("before", "kept");
            primer.beforeCheckpoint(null);

            assertEquals(Map.of("before", "kept"), MDC.getCopyOfContextMap(),
                    "the synthetic invocation's ids are not left in the snapshot's logging context");
            MDC.clear();
            assertEquals(401, primer.lastStatus().orElseThrow());
            assertEquals(0, rows(ledger), "the priming request writes nothing");
            assertTrue(context.isRunning(), "the priming handler must not close the function's context");
        }
    }

    private static Context<Resource> recording(List<Resource> registered) {
        return new Context<>() {
            @Override
            public void register(Resource resource) {
                registered.add(resource);
            }

            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                // Driven by the test directly.
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // Driven by the test directly.
            }
        };
    }

    private static int rows(String ledgerUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(ledgerUrl, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM request_log")) {
            result.next();
            return result.getInt(1);
        }
    }
}
