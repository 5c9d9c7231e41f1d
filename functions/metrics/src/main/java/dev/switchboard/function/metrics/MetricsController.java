package dev.switchboard.function.metrics;

import dev.switchboard.service.Caller;
import dev.switchboard.api.HealthResponse;
import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.api.RoutingMetricsResponse;
import dev.switchboard.api.StatsResponse;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.CatalogService;
import dev.switchboard.service.HealthService;
import dev.switchboard.service.MetricsService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;

/** The read-only analytics and status routes; each is one service call. */
// Providers, DynamoDB and the ledger are blocking calls: keep them off the server's event loop.
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class MetricsController {

    private static final int DEFAULT_DAYS = 7;

    private final MetricsService metrics;
    private final CatalogService catalog;
    private final HealthService health;
    private final Authenticator authenticator;

    public MetricsController(MetricsService metrics, CatalogService catalog, HealthService health,
                             Authenticator authenticator) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.catalog = catalog;
        this.health = health;
    }

    @Get(uri = "/routing/metrics", produces = MediaType.APPLICATION_JSON)
    public RoutingMetricsResponse routingMetrics(HttpRequest<?> request, Caller caller) {
        return metrics.routingMetrics(DaysQuery.days(request, "GET /routing/metrics", DEFAULT_DAYS), caller);
    }

    @Get(uri = "/stats", produces = MediaType.APPLICATION_JSON)
    public StatsResponse stats(HttpRequest<?> request, Caller caller) {
        return metrics.stats(DaysQuery.days(request, "GET /stats", DEFAULT_DAYS), caller);
    }

    @Get(uri = "/providers", produces = MediaType.APPLICATION_JSON)
    public ProvidersResponse providers(Caller caller) {
        return catalog.providers(caller);
    }

    /**
     * 200 when every dependency answers, 503 (same body) when one does not, for load balancers; open to
     * everyone, with a state outage's detail for the admin only.
     */
    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<HealthResponse> health(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
        HealthResponse body = health.health(authenticator.isAdmin(authorization));
        return HttpResponse.status("ok".equals(body.status()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(body);
    }
}
