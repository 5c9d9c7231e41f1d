package dev.switchboard.api.http;

import dev.switchboard.service.Caller;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Lets a controller method declare a {@code Caller caller} parameter: the caller the
 * {@link AuthenticationFilter} found. A request the filter did not see binds nothing, and the
 * route fails rather than run as someone.
 */
@Singleton
public class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getAttribute(AuthenticationFilter.CALLER, Caller.class);
        return caller.isPresent() ? () -> caller : BindingResult.unsatisfied();
    }
}
