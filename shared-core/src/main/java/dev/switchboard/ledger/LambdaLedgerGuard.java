package dev.switchboard.ledger;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;

/**
 * On Lambda every function has its own process, so an in-memory ledger would keep each function's
 * rows to itself and lose them with the instance: analytics would show zeros as if they were real.
 * Start-up fails instead, naming the variable to set. ("lambda" is the environment Micronaut's
 * Lambda handlers run in.)
 */
@Context
@Requires(env = "lambda")
public class LambdaLedgerGuard {

    public LambdaLedgerGuard(@Value("${datasources.default.url:}") String ledgerUrl) {
        if (ledgerUrl.isBlank() || ledgerUrl.startsWith("jdbc:h2:mem:")) {
            throw new ConfigurationError("SWITCHBOARD_LEDGER_URL (datasources.default.url) must name the ledger "
                    + "database on Lambda; an in-memory ledger would lose every row with its instance");
        }
    }
}
