package dev.switchboard.api.http;

import dev.switchboard.api.ApiException;
import dev.switchboard.service.Authenticator;
import dev.switchboard.service.Caller;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Authenticates every request before its route runs and leaves the {@link Caller} on the request
 * for {@link CallerBinder}; a refusal is answered here with the contract's error JSON. This is
 * Micronaut 4's declarative form of an HttpServerFilter. It runs where the request arrives (the
 * server's event loop) and answers there from what the process holds; only a key it must read (a
 * virtual key the cache does not hold, from DynamoDB; an admin key still to be read from its source)
 * goes to the blocking executor. Moving
 * every request there, as {@code @ExecuteOn} would, cost a thread hand-off per request on top of
 * the route's own.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter implements Ordered {

    /** The request attribute holding the authenticated {@link Caller}. */
    public static final String CALLER = "switchboard.caller";

    private final Authenticator authenticator;
    private final Executor blocking;

    public AuthenticationFilter(Authenticator authenticator, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.authenticator = authenticator;
        this.blocking = blocking;
    }

    /** Completes with a refusal to send, or empty to go on to the route. */
    @RequestFilter
    public CompletableFuture<Optional<HttpResponse<?>>> authenticate(HttpRequest<?> request) {
        String method = request.getMethodName();
        String path = request.getPath();
        if (authenticator.isOpen(method, path)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        Optional<Caller> known;
        try {
            known = authenticator.authenticateFromMemory(method, path, authorization);
        } catch (ApiException refused) {
            return CompletableFuture.completedFuture(Optional.of(refusal(refused)));
        }
        if (known.isPresent()) {
            request.setAttribute(CALLER, known.get());
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Supplier<Optional<HttpResponse<?>>> lookUp = () -> {
            try {
                request.setAttribute(CALLER, authenticator.authenticate(method, path, authorization));
                return Optional.empty();
            } catch (ApiException refused) {
                return Optional.of(refusal(refused));
            }
        };
        // With the request's logging context, as @ExecuteOn would carry it.
        return CompletableFuture.supplyAsync(PropagatedContext.wrapCurrent(lookUp), blocking);
    }

    private static HttpResponse<?> refusal(ApiException refused) {
        var response = ApiExceptionHandler.response(refused);
        if (refused.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }

    /** In the security phase: before anything that acts on the caller's behalf. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
