package dev.switchboard.service;

import dev.switchboard.ledger.LedgerScope;
import dev.switchboard.api.HealthResponse;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.RequestState;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.time.Clock;

/**
 * GET /health: can we reach the ledger and the shared state? Each check is one cheap read. A state
 * outage also shows how long it has lasted (from the requests that met it) and what the outage policy
 * makes of requests meanwhile.
 */
@Singleton
public class HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);
    static final String CHECK_PRINCIPAL = "health-check";

    private final RequestLedger ledger;
    private final RequestState state;
    private final StateOutages outages;
    private final StateOutagePolicy policy;
    private final SharedStateCache snapshot;
    private final CatalogService catalog;
    private final Clock clock;

    public HealthService(RequestLedger ledger, RequestState state, StateOutages outages, StateOutagePolicy policy,
                         SharedStateCache snapshot, CatalogService catalog, Clock clock) {
        this.snapshot = snapshot;
        this.ledger = ledger;
        this.state = state;
        this.outages = outages;
        this.policy = policy;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The health everyone sees: the outage policy (whether budgets are open meanwhile) is left out. */
    public HealthResponse health() {
        return health(false);
    }

    /**
     * @param forAdmin whether to show a state outage's detail: that budgets or rate limits go unchecked while it
     *                 lasts would tell anyone on the internet when spending is open, so only the admin sees it
     */
    public HealthResponse health(boolean forAdmin) {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("ledger", check("ledger", () -> ledger.stats(clock.instant(), LedgerScope.EVERYONE)));
        try {
            state.lookup(CHECK_PRINCIPAL, clock.instant(), null);
            checks.put("state", "ok");
            outages.succeeded();
        } catch (RuntimeException e) {
            checks.put("state", "unavailable");
            outages.failed("health check", e.getMessage());
        }
        // Routing's copy of shared health and latency: "stale" while its reads fail and it routes on the last one.
        snapshot.current(); // starts a fresh read when due, so that a passing outage does not stay reported here
        checks.put("state_snapshot", snapshot.lastError().isPresent() ? "stale" : "ok");
        boolean ok = checks.values().stream().allMatch("ok"::equals);
        HealthResponse.StateOutage outage = !forAdmin ? null : outages.current().map(o -> new HealthResponse.StateOutage(
                o.since(), o.lastFailure(), o.lastOperation(), mode(policy.budgets()), mode(policy.rateLimits())))
                .orElse(null);
        return new HealthResponse(ok ? "ok" : "degraded", checks, catalog.providerCount(), outage);
    }

    private static String mode(StateOutagePolicy.FailureMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
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
