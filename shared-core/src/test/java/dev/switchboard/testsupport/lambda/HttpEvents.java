package dev.switchboard.testsupport.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload 2.0) event built in code, for tests whose headers or body vary
 * per case (fixtures under events/ remain the reference for the full shape AWS sends).
 */
public final class HttpEvents {

    private HttpEvents() {
    }

    /** {@code method path} with a JSON body (null for none) and an optional Authorization header. */
    public static APIGatewayV2HTTPEvent request(String method, String path, String authorization, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("host", "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"));
        if (body != null) {
            headers.put("content-type", "application/json");
        }
        if (authorization != null) {
            headers.put("authorization", authorization);
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + path)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("test-" + System.identityHashCode(headers))
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1")
                                .withSourceIp("203.0.113.10").build())
                        .build())
                .build();
    }
}
