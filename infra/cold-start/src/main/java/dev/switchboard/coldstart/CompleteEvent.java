package dev.switchboard.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An API Gateway HTTP API (payload 2.0) POST /complete event, as the gateway hands it to the function. */
final class CompleteEvent {

    private CompleteEvent() {
    }

    static APIGatewayV2HTTPEvent post(String prompt, String bearer) {
        String body = "{\"prompt\":\"" + prompt.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod("POST").withPath("/complete").withProtocol("HTTP/1.1")
                .withSourceIp("127.0.0.1").withUserAgent("cold-start-benchmark").build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("123456789012").withApiId("coldstart").withDomainName("coldstart.local")
                .withRequestId("cold-start-1").withRouteKey("POST /complete").withStage("$default")
                .withTimeEpoch(System.currentTimeMillis()).withHttp(http).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0").withRouteKey("POST /complete").withRawPath("/complete").withRawQueryString("")
                .withHeaders(Map.of(
                        "content-type", "application/json",
                        "content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length),
                        "authorization", "Bearer " + bearer,
                        "host", "coldstart.local"))
                .withRequestContext(context)
                .withBody(body).withIsBase64Encoded(false)
                .build();
    }
}
