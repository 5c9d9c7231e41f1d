package dev.switchboard.api.http;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ApiException;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Authenticates every request before its route runs and leaves the {@link Caller} on the request
 * for {@link CallerBinder}; a refusal is answered here with the contract's error JSON. This is
 * Micronaut 4's declarative form of an HttpServerFilter: a cache miss reads DynamoDB, a blocking
 * call that must not run on the server's event loop, and {@code @ExecuteOn} moves it off.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter implements Ordered {

    /** The request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = "switchboard.caller";

    private final Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        String method = request.getMethodName();
        String path = request.getPath();
        if (authenticator.isOpen(method, path)) {
            return null;
        }
        try {
            request.setAttribute(CALLER, authenticator.authenticate(method, path,
                    request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
            return null;
        } catch (ApiException refused) {
            var response = HttpResponse.<ApiError.ErrorEnvelope>status(HttpStatus.valueOf(refused.status()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(refused.toError().envelope());
            if (refused.status() == 401) {
                response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            return response;
        }
    }

    /** In the security phase: before anything that acts on the caller's behalf. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
