package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderException.Kind;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamResponse;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** One provider speaking Anthropic's Messages API (POST {base}/v1/messages), whole or streamed. */
public final class AnthropicAdapter implements ChatProvider {

    public static final String PROTOCOL = "anthropic";
    /** The API version every request names; the wire shapes here are that version's. */
    static final String API_VERSION = "2023-06-01";

    private final String name;
    private final URI endpoint;
    private final HttpAdapterSupport support;
    private final JsonMapper json;
    private final AnthropicRequestMapper mapper;
    private final AnthropicResponseParser parser;

    public AnthropicAdapter(String name, URI baseUrl, HttpAdapterSupport support, JsonMapper json) {
        this(name, baseUrl, support, json, false);
    }

    /** {@code promptCaching}: each request marks its prefix for Anthropic's prompt cache. */
    public AnthropicAdapter(String name, URI baseUrl, HttpAdapterSupport support, JsonMapper json,
                            boolean promptCaching) {
        this.name = Objects.requireNonNull(name);
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/messages");
        this.support = Objects.requireNonNull(support);
        this.json = Objects.requireNonNull(json);
        this.mapper = new AnthropicRequestMapper(json, promptCaching);
        this.parser = new AnthropicResponseParser(name, json, support.tokens());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return parser.parse(support.call(upstreamRequest(request, false), r -> failure(r, request)), request);
    }

    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        UpstreamRequest upstreamRequest = upstreamRequest(request, true);
        AnthropicStreamParser events = new AnthropicStreamParser(name, json, support.tokens(), request, sink);
        support.streamEvents(request, upstreamRequest, r -> failure(r, request), events::accept);
        events.end();
    }

    private UpstreamRequest upstreamRequest(ChatRequest request, boolean stream) {
        byte[] body;
        try {
            body = mapper.body(request, stream);
        } catch (IllegalArgumentException e) {
            // Only Anthropic's terms refuse it (an object schema, a turn besides the system prompt): another
            // protocol may take the same request, so the chain moves on rather than stopping.
            throw ProviderException.unsupported(name, e.getMessage());
        }
        // Content-Type is set by the transport.
        Map<String, String> headers = Map.of("x-api-key", support.requiredKey(name).reveal(),
                "anthropic-version", API_VERSION);
        return new UpstreamRequest(name, endpoint, headers, new String(body, StandardCharsets.UTF_8),
                support.callTimeout(name, request));
    }

    /**
     * An error status classified from Anthropic's error body. Two 400s are not the caller's fault: a
     * prompt too long for this model's context, and an account out of credit or disabled, which is an
     * UNAUTHORIZED like a wrong key (another provider bills another account, and this deployment
     * stays unusable until someone pays, which is what the breaker is for). A third, for a request asking
     * for structured output: the model refusing that format or the schema, which another deployment
     * (OpenAI's looser non-strict schemas, Gemini's) may still take, so it is UNSUPPORTED, not final; the
     * same for a request with a strict tool, refused for strictness, and for any request refused for what "this
     * model" does not take (a newer Claude refusing a temperature, or thinking with a fixed budget).
     */
    private ProviderException failure(UpstreamResponse response, ChatRequest request) {
        AnthropicErrorBody error = AnthropicErrorBody.read(json, response.body());
        Kind bodyKind = null;
        if (response.status() == 400 && error.contextTooLong()) {
            bodyKind = Kind.CONTEXT_TOO_LONG;
        } else if (response.status() == 400 && error.accountUnusable()) {
            bodyKind = Kind.UNAUTHORIZED;
        } else if (response.status() == 400 && (error.formatRefused() && request.options().format().json()
                || error.strictRefused() && request.offersStrictTool() || error.modelCannot())) {
            bodyKind = Kind.UNSUPPORTED;
        }
        return support.failures().fromStatus(name, response, error.type(), bodyKind);
    }
}
