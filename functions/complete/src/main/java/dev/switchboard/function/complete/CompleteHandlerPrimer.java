package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import jakarta.inject.Inject;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.MDC;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Before a SnapStart checkpoint, sends one made-up POST /complete without a key through this
 * function's own Lambda handler: the event mapping, Micronaut's routing, argument binding, error path
 * and JSON writer then run before the snapshot rather than on the first request after a restore. With no
 * key the request stops at authentication (401), before anything is read or written. The routing path
 * itself is primed by shared-core's RoutingPathPrimer. Only where the Lambda handler is on the class path:
 * the local gateway serves the same controllers without it.
 */
@Context
@Requires(classes = {APIGatewayV2HTTPEventFunction.class, com.amazonaws.services.lambda.runtime.Context.class})
public class CompleteHandlerPrimer implements Resource {

    private final ApplicationContext context;
    private volatile Integer lastStatus;

    @Inject
    public CompleteHandlerPrimer(ApplicationContext context) {
        this(context, Core.getGlobalContext());
    }

    CompleteHandlerPrimer(ApplicationContext context, org.crac.Context<Resource> crac) {
        this.context = context;
        crac.register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> crac) {
        // A handler on the running context: it neither starts nor closes another one.
        APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction(context);
        // The handler puts the synthetic invocation's ids in this thread's logging context; left there they would
        // be in the snapshot, on every line logged after a restore until the first real invocation.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        try {
            APIGatewayV2HTTPResponse response = handler.handleRequest(unauthenticatedComplete(),
                    SyntheticLambdaContext.priming());
            lastStatus = response.getStatusCode();
        } finally {
            if (logContext == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(logContext);
            }
        }
    }

    /** Nothing to renew after a restore: priming holds no connection. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> crac) {
        // Intentionally empty (see above).
    }

    /** The status the primed request got (401 expected); empty until a checkpoint. */
    public OptionalInt lastStatus() {
        Integer status = lastStatus;
        return status == null ? OptionalInt.empty() : OptionalInt.of(status);
    }

    private static APIGatewayV2HTTPEvent unauthenticatedComplete() {
        String body = "{\"prompt\":\"What is the capital of France?\"}";
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("POST /complete").withRawPath("/complete").withRawQueryString("")
                .withHeaders(Map.of("content-type", "application/json", "content-length",
                        String.valueOf(body.length())))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming").withRouteKey("POST /complete").withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath("/complete").withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build())
                        .build())
                .withBody(body).withIsBase64Encoded(false)
                .build();
    }
}
