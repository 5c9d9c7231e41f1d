package dev.switchboard.observability;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Gives each HTTP request an empty logging context that Micronaut carries to every thread the
 * request runs on (the blocking executor, a stream's workers) and takes off again afterwards: the
 * request id the service puts there (see {@link RequestLogContext}) never leaks into the next request
 * that a pooled thread serves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMdcFilter {

    @RequestFilter
    public void scopeLoggingContext(MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of()));
    }
}
