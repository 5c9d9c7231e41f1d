package dev.switchboard.api.http;

import dev.switchboard.api.ApiException;
import dev.switchboard.service.AdminKey;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local gateway, while authentication is off, answers only requests addressed to the loopback interface by
 * name: its {@code Host} is localhost, 127.0.0.1 or [::1] (any port). It listens on 127.0.0.1 only, but a web page
 * whose name is made to resolve to 127.0.0.1 (DNS rebinding) could otherwise make the browser of whoever runs it
 * send requests that count as the admin's and spend their providers' keys; such a request carries the page's name
 * as its Host. With authentication on, a key is needed anyway, and any Host is served. Not on Lambda: the local
 * gateway turns it on ({@value #ENABLED}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = LoopbackHostFilter.ENABLED, value = "true")
public class LoopbackHostFilter implements Ordered {

    public static final String ENABLED = "switchboard.local-gateway.loopback-hosts-only";

    /** A loopback name with an optional port. */
    private static final Pattern LOOPBACK = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d{1,5})?");

    private final AdminKey adminKey;

    public LoopbackHostFilter(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @RequestFilter
    public Optional<HttpResponse<?>> check(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (adminKey.authenticationOn() || host == null || LOOPBACK.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            return Optional.empty();
        }
        // The Host is not repeated: it is the other site's name, of no use to whoever is refused.
        return Optional.of(ApiExceptionHandler.response(new ApiException(403, "host_not_allowed",
                "With authentication off this local gateway answers only requests addressed to localhost, 127.0.0.1 "
                        + "or [::1]; set SWITCHBOARD_ADMIN_KEY to serve other names", null)));
    }

    /** Before authentication: with it off, nothing else stands between the request and the providers. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
