package dev.switchboard.function.metrics;

import dev.switchboard.service.Caller;
import dev.switchboard.api.CacheStatsResponse;
import dev.switchboard.service.CacheStatsService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** GET /cache/stats?days=N (default 1): the response cache's hits, misses and savings. */
// The ledger query blocks: keep it off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CacheStatsController {

    private final CacheStatsService cacheStats;

    public CacheStatsController(CacheStatsService cacheStats) {
        this.cacheStats = cacheStats;
    }

    @Get(uri = "/cache/stats", produces = MediaType.APPLICATION_JSON)
    public CacheStatsResponse cacheStats(HttpRequest<?> request, Caller caller) {
        return cacheStats.cacheStats(DaysQuery.days(request, "GET /cache/stats", CacheStatsService.DEFAULT_DAYS),
                caller);
    }
}
