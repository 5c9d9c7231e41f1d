package dev.switchboard.observability;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives each HTTP request a logging context without a request id that Micronaut carries to every thread the
 * request runs on (the blocking executor, a stream's workers) and takes off again afterwards: the
 * request id the service puts there (see {@link RequestLogContext}) never leaks into the next request
 * that a pooled thread serves.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestMdcFilter {

    @RequestFilter
    public void scopeLoggingContext(MutablePropagatedContext context) {
        // What is there already stays (on Lambda, the handler's AWSRequestId and function name, which join
        // our lines to Lambda's own); only a request id left over from an earlier request goes.
        Map<String, String> current = MDC.getCopyOfContextMap();
        Map<String, String> base = current == null ? new HashMap<>() : new HashMap<>(current);
        base.remove(RequestLogContext.REQUEST_ID);
        context.add(new MdcPropagationContext(base));
    }
}
