package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.RequestLedger;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger contracts share: an application context per test on the database under test (its
 * migrations run on start), with the shared state in memory, and the ledger it serves.
 */
abstract class LedgerContextContract {

    private ApplicationContext context;
    RequestLedger ledger;

    /** The datasource settings of the database under test. */
    abstract Map<String, Object> datasource();

    /** Extra settings of the context under test: none unless a contract needs some. */
    Map<String, Object> extraSettings() {
        return Map.of();
    }

    @BeforeEach
    void startContext() {
        Map<String, Object> properties = new HashMap<>(datasource());
        properties.putAll(extraSettings());
        properties.put("switchboard.state.store", "memory");
        context = ApplicationContext.run(properties);
        ledger = context.getBean(RequestLedger.class);
    }

    /** A bean of the context under test. */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @AfterEach
    void stopContext() {
        context.close();
    }
}
