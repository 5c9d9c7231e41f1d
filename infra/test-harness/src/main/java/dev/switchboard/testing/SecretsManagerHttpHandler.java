package dev.switchboard.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The HTTP side of AWS's JSON 1.1 protocol: {@code POST /} with the operation named in
 * {@code X-Amz-Target: secretsmanager.<Operation>}, a JSON body, and errors as HTTP 400 with a
 * {@code __type} the SDK maps to its exception classes. Request signatures are not checked.
 */
final class SecretsManagerHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final String TARGET_PREFIX = "secretsmanager.";

    private final SecretsManagerOperations operations;
    private final ObjectMapper json;

    SecretsManagerHttpHandler(SecretsManagerOperations operations, ObjectMapper json) {
        this.operations = operations;
        this.json = json;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ObjectNode response;
            int status = 200;
            try {
                response = dispatch(exchange);
            } catch (SecretsManagerError error) {
                status = error.status();
                response = json.createObjectNode().put("__type", error.type()).put("message", error.getMessage());
            }
            byte[] body = json.writeValueAsBytes(response);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())
                || target == null || !target.startsWith(TARGET_PREFIX)) {
            throw SecretsManagerError.unknownOperation(target == null ? "(no X-Amz-Target)" : target);
        }
        JsonNode request = readBody(exchange.getRequestBody());
        switch (target.substring(TARGET_PREFIX.length())) {
            case "GetSecretValue":
                return operations.getSecretValue(request);
            case "ListSecrets":
                return operations.listSecrets(request);
            default:
                throw SecretsManagerError.unknownOperation(target);
        }
    }

    private JsonNode readBody(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode request = json.readTree(bytes);
            if (request == null || !request.isObject()) {
                throw SecretsManagerError.serialization("The request body must be a JSON object.");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw SecretsManagerError.serialization("The request body is not valid JSON.");
        }
    }
}
