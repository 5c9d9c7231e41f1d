package dev.switchboard.testsupport.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads what a payload-2.0 handler answered: the body (decoded when base64) and headers. */
public final class LambdaReplies {

    private final JsonMapper json;

    public LambdaReplies(ApplicationContext context) {
        this.json = context.getBean(JsonMapper.class);
    }

    public String text(APIGatewayV2HTTPResponse response) {
        String body = response.getBody();
        if (body == null) {
            return "";
        }
        return response.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    public JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return json.readValue(text(response), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text(response), e);
        }
    }

    /** A response header, matched without regard to case as HTTP requires; "" when absent. */
    public String header(APIGatewayV2HTTPResponse response, String name) {
        Map<String, String> headers = response.getHeaders() == null ? Map.of() : response.getHeaders();
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst()
                .orElseGet(() -> response.getMultiValueHeaders() == null ? "" : response.getMultiValueHeaders()
                        .entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(e -> e.getValue().get(0)).findFirst().orElse(""));
    }
}
