package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.LedgerEntries;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows appended from many threads at once (written in shared batches) all land, each once. */
class ConcurrentAppendsTest {

    private static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void everyRowAppendedConcurrentlyIsInTheLedgerOnce() throws Exception {
        int threads = 16;
        int rowsEach = 25;
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.state.store", "memory",
                "datasources.default.url", H2Ledger.freshUrl()))) {
            RequestLedger ledger = context.getBean(RequestLedger.class);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<String>>> written = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    Callable<List<String>> writer = () -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < rowsEach; i++) {
                            LedgerEntry entry = LedgerEntries.ok(AT).build();
                            ledger.append(entry);
                            ids.add(entry.id());
                        }
                        return ids;
                    };
                    written.add(pool.submit(writer));
                }
                List<String> ids = new ArrayList<>();
                for (Future<List<String>> future : written) {
                    ids.addAll(future.get(60, TimeUnit.SECONDS));
                }

                assertEquals(threads * rowsEach, ledger.stats(AT.minusSeconds(60), LedgerScope.EVERYONE).requests());
                for (String id : ids) {
                    assertTrue(ledger.find(id).isPresent(), id);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
