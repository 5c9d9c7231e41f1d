package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.LedgerUnavailableException;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Proxy;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every analytics route over a ledger that cannot be reached: a 503 naming the ledger, not a 500. */
class AnalyticsWithoutTheLedgerTest {

    private static final String DRIVER_MESSAGE = "ERROR: relation request_log, value 'secret prompt text'";

    private final MutableClock clock = new MutableClock();
    private final RequestLedger unreachable = (RequestLedger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {RequestLedger.class}, (proxy, method, args) -> {
                throw new IllegalStateException(DRIVER_MESSAGE);
            });

    @Test
    void eachRouteIsA503ThatNamesTheLedgerAndQuotesNothingOfTheDriver() {
        List<Executable> routes = List.of(
                () -> new MetricsService(unreachable, LedgerRetention.everything(clock)).stats(7, Caller.ANONYMOUS),
                () -> new MetricsService(unreachable, LedgerRetention.everything(clock)).routingMetrics(7, Caller.ANONYMOUS),
                () -> new QualityStatsService(unreachable, LedgerRetention.everything(clock)).qualityStats(7, Caller.ANONYMOUS),
                () -> new InsightsService(unreachable, LedgerRetention.everything(clock)).insights(7, Caller.ANONYMOUS),
                () -> new CacheStatsService(unreachable, CacheSettings.defaults(), LedgerRetention.everything(clock)).cacheStats(7, Caller.ANONYMOUS));

        for (Executable route : routes) {
            ApiException e = assertThrows(LedgerUnavailableException.class, route);
            assertEquals(503, e.status());
            assertEquals("ledger_unavailable", e.type());
            assertFalse(e.getMessage().contains("secret"), e.getMessage());
        }
    }
}
