package dev.switchboard.function;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.testsupport.TestEnvironment;
import dev.switchboard.testsupport.lambda.HttpEvents;
import dev.switchboard.testsupport.lambda.LambdaEvents;
import dev.switchboard.testsupport.lambda.LambdaReplies;
import dev.switchboard.testsupport.lambda.TestLambdaContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP function's real Lambda handler ({@link APIGatewayV2HTTPEventFunction}) in an application
 * context on the test stand-ins, started once per test class:
 * {@code @RegisterExtension static final HttpFunctionUnderTest FUNCTION = new HttpFunctionUnderTest("complete");}
 */
public final class HttpFunctionUnderTest implements BeforeAllCallback, AfterAllCallback {

    private final String functionName;
    private final Map<String, Object> settings;
    private ApplicationContext context;
    private APIGatewayV2HTTPEventFunction handler;
    private LambdaReplies replies;

    public HttpFunctionUnderTest(String function) {
        this(function, Map.of());
    }

    /** @param settings properties over the test stand-ins' own (an admin key, another endpoint) */
    public HttpFunctionUnderTest(String function, Map<String, Object> settings) {
        this.functionName = "switchboard-" + function;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.putAll(settings);
        context = ApplicationContext.run(properties);
        handler = new APIGatewayV2HTTPEventFunction(context);
        replies = new LambdaReplies(context);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
    }

    /** Feeds the payload-2.0 event fixture at {@code resource} through the handler. */
    public APIGatewayV2HTTPResponse handle(String resource) {
        return handler.handleRequest(LambdaEvents.load(resource, APIGatewayV2HTTPEvent.class),
                new TestLambdaContext(functionName));
    }

    /** {@code method path} (a query may follow the path) with an optional Authorization header and JSON body. */
    public APIGatewayV2HTTPResponse send(String method, String path, String authorization, String body) {
        return handler.handleRequest(HttpEvents.request(method, path, authorization, body),
                new TestLambdaContext(functionName));
    }

    /** Feeds the fixture at {@code resource} with its body replaced by the plain {@code body}. */
    public APIGatewayV2HTTPResponse handle(String resource, String body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.load(resource, APIGatewayV2HTTPEvent.class);
        event.setBody(body);
        event.setIsBase64Encoded(false);
        // The fixture's length is its own body's; let the handler measure the new one.
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("content-length");
        event.setHeaders(headers);
        return handler.handleRequest(event, new TestLambdaContext(functionName));
    }

    /** Feeds the fixture at {@code resource} with its body replaced by {@code body}, base64-encoded as API Gateway does. */
    public APIGatewayV2HTTPResponse handle(String resource, byte[] body) {
        APIGatewayV2HTTPEvent event = LambdaEvents.load(resource, APIGatewayV2HTTPEvent.class);
        event.setBody(java.util.Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-length", Integer.toString(body.length));
        event.setHeaders(headers);
        return handler.handleRequest(event, new TestLambdaContext(functionName));
    }

    /** A bean of the function's context, for a test that must set up what the function reads. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String text(APIGatewayV2HTTPResponse response) {
        return replies.text(response);
    }

    public JsonNode json(APIGatewayV2HTTPResponse response) {
        return replies.json(response);
    }

    public String header(APIGatewayV2HTTPResponse response, String name) {
        return replies.header(response, name);
    }
}
