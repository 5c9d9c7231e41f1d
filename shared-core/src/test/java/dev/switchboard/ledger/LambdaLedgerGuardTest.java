package dev.switchboard.ledger;

import dev.switchboard.testsupport.H2Ledger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaLedgerGuardTest {

    @Test
    void refusesToStartOnLambdaWithAnInMemoryLedger() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.builder()
                .environments("lambda")
                // A stage for the Lambda key source, so that the ledger is what this start-up fails on.
                .properties(Map.of("switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl(),
                        "switchboard.secrets.stage", "test"))
                .start());

        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof dev.switchboard.config.ConfigurationError)) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("SWITCHBOARD_LEDGER_URL"), cause.getMessage());
    }

    @Test
    void startsOutsideLambdaWithAnInMemoryLedger() {
        try (ApplicationContext context = ApplicationContext.run(
                Map.of("switchboard.state.store", "memory", "datasources.default.url", H2Ledger.freshUrl()))) {
            assertTrue(context.isRunning());
        }
    }
}
