package dev.switchboard.service;

import dev.switchboard.api.HealthResponse;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.DailySpendStore;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** GET /health: can we reach the ledger and the shared state? Each check is one cheap read. */
@Singleton
public class HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final RequestLedger ledger;
    private final DailySpendStore state;
    private final CatalogService catalog;
    private final Clock clock;

    public HealthService(RequestLedger ledger, DailySpendStore state, CatalogService catalog, Clock clock) {
        this.ledger = ledger;
        this.state = state;
        this.catalog = catalog;
        this.clock = clock;
    }

    public HealthResponse health() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("ledger", check("ledger", () -> ledger.stats(clock.instant())));
        checks.put("state", check("state",
                () -> state.spentOn("health-check", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))));
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        return new HealthResponse(ok ? "ok" : "degraded", checks, catalog.providerCount());
    }

    private static String check(String name, Runnable probe) {
        try {
            probe.run();
            return "ok";
        } catch (RuntimeException e) {
            LOG.warn("health check {} failed: {}", name, e.getClass().getSimpleName());
            return "unavailable";
        }
    }
}
