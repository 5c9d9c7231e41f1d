package dev.switchboard.function.metrics;

import dev.switchboard.api.QueryParameters;
import dev.switchboard.api.http.PreviewQuery;
import dev.switchboard.service.MetricsService;
import io.micronaut.http.HttpRequest;

import java.util.Set;

/**
 * The analytics routes' one parameter, {@code days}, held to the previews' rules: another parameter ({@code day=30})
 * or an empty value is a 400 naming it, rather than an answer for the default period that looks like the one asked.
 */
final class DaysQuery {

    private static final Set<String> PARAMETERS = Set.of("days");

    private DaysQuery() {
    }

    /** The days {@code request} asks for, 1 to {@link MetricsService#MAX_DAYS}, or {@code defaultDays}. */
    static int days(HttpRequest<?> request, String route, int defaultDays) {
        PreviewQuery query = PreviewQuery.of(request, route, PARAMETERS);
        return QueryParameters.optionalInt("days", query.value("days"), defaultDays, 1, MetricsService.MAX_DAYS);
    }
}
