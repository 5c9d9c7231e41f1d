package dev.switchboard.testsupport.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload 2.0) event built in code, for tests whose headers or body vary
 * per case (fixtures under events/ remain the reference for the full shape AWS sends).
 */
public final class HttpEvents {

    private HttpEvents() {
    }

    /**
     * {@code method path} with a JSON body (null for none) and an optional Authorization header. A path may
     * carry a query ({@code /keys?user=alice}), which goes where API Gateway puts it: raw, and decoded by name.
     */
    public static APIGatewayV2HTTPEvent request(String method, String pathAndQuery, String authorization, String body) {
        int mark = pathAndQuery.indexOf('?');
        String path = mark < 0 ? pathAndQuery : pathAndQuery.substring(0, mark);
        String query = mark < 0 ? "" : pathAndQuery.substring(mark + 1);
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
                .withRawQueryString(query)
                .withQueryStringParameters(query.isEmpty() ? null : parameters(query))
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

    /** As API Gateway gives them: decoded, repeated names joined with commas. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.merge(name, value, (first, next) -> first + "," + next);
        }
        return parameters;
    }
}
