package dev.switchboard.function.metrics;

import dev.switchboard.service.Caller;
import dev.switchboard.api.InsightsResponse;
import dev.switchboard.api.QualityStatsResponse;
import dev.switchboard.service.InsightsService;
import dev.switchboard.service.QualityStatsService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** GET /quality/stats?days=N and GET /insights?days=N (default 7): what feedback and the ledger say. */
// The ledger queries block: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class QualityController {

    private final QualityStatsService quality;
    private final InsightsService insights;

    public QualityController(QualityStatsService quality, InsightsService insights) {
        this.quality = quality;
        this.insights = insights;
    }

    @Get(uri = "/quality/stats", produces = MediaType.APPLICATION_JSON)
    public QualityStatsResponse qualityStats(HttpRequest<?> request, Caller caller) {
        return quality.qualityStats(DaysQuery.days(request, "GET /quality/stats", QualityStatsService.DEFAULT_DAYS),
                caller);
    }

    @Get(uri = "/insights", produces = MediaType.APPLICATION_JSON)
    public InsightsResponse insights(HttpRequest<?> request, Caller caller) {
        return insights.insights(DaysQuery.days(request, "GET /insights", InsightsService.DEFAULT_DAYS), caller);
    }
}
