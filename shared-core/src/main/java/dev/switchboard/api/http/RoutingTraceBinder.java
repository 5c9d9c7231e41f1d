package dev.switchboard.api.http;

import dev.switchboard.service.RoutingTrace;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller method declare a {@code RoutingTrace trace} parameter: a fresh trace, left on the
 * request so that {@link RoutingHeaders} turns what the service put in it into response headers.
 */
@Singleton
public class RoutingTraceBinder implements TypedRequestArgumentBinder<RoutingTrace> {

    private static final Argument<RoutingTrace> TYPE = Argument.of(RoutingTrace.class);

    @Override
    public Argument<RoutingTrace> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<RoutingTrace> bind(ArgumentConversionContext<RoutingTrace> context, HttpRequest<?> source) {
        RoutingTrace trace = source.getAttribute(RoutingHeaders.TRACE, RoutingTrace.class).orElseGet(() -> {
            RoutingTrace fresh = new RoutingTrace();
            source.setAttribute(RoutingHeaders.TRACE, fresh);
            return fresh;
        });
        return () -> Optional.of(trace);
    }
}
