package dev.switchboard.provider.gemini;

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
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/** One configured provider speaking Google's Gemini API (generateContent, streamGenerateContent over SSE). */
public final class GeminiAdapter implements ChatProvider {

    static final String PROTOCOL = "gemini";

    private final String name;
    private final HttpAdapterSupport support;
    private final JsonMapper json;
    private final GeminiEndpoints endpoints;
    private final GeminiRequestMapper mapper;
    private final GeminiResponseParser parser;

    public GeminiAdapter(String name, String baseUrl, HttpAdapterSupport support, JsonMapper json) {
        this.name = Objects.requireNonNull(name);
        this.support = Objects.requireNonNull(support);
        this.json = Objects.requireNonNull(json);
        this.endpoints = new GeminiEndpoints(baseUrl);
        this.mapper = new GeminiRequestMapper(json);
        this.parser = new GeminiResponseParser(name, json, support.tokens());
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
        return parser.parse(support.call(upstreamRequest(endpoints.generate(request.model()), request),
                r -> failure(r, request)), request);
    }

    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        UpstreamRequest call = upstreamRequest(endpoints.stream(request.model()), request);
        GeminiStreamParser events = new GeminiStreamParser(name, json, support.tokens(), request, sink);
        try {
            support.streamEvents(request, call, r -> failure(r, request), events::accept);
        } catch (ProviderException e) {
            // Gemini has no end marker: its answer ends with the body. One whose finish reason came is whole,
            // though the body's end was then cut (by the deadline, or a silence before it).
            if (e.kind() != Kind.TIMEOUT || !events.finished()) {
                throw e;
            }
        }
        events.end();
    }

    private UpstreamRequest upstreamRequest(URI uri, ChatRequest request) {
        // The key is looked up first: without one, nothing is sent.
        String key = support.requiredKey(name).reveal();
        byte[] body;
        try {
            body = mapper.body(request);
        } catch (IllegalArgumentException e) {
            // The mapper's reason names no prompt text, only what cannot be said in Gemini's terms; another
            // protocol may say it (a tool result is matched by call id elsewhere, not by function name).
            throw ProviderException.unsupported(name, e.getMessage());
        }
        return new UpstreamRequest(name, uri, Map.of("x-goog-api-key", key),
                new String(body, StandardCharsets.UTF_8), support.callTimeout(name, request));
    }

    /**
     * An error status classified from Gemini's error body. Three things differ from the status alone:
     * Gemini answers a wrong key with 400 (API_KEY_INVALID) and a project it will not serve (billing
     * not enabled, a region without the API) with 400 FAILED_PRECONDITION, both UNAUTHORIZED here so
     * that the next provider is tried and the breaker counts them; and its 429s say how long to wait
     * in a RetryInfo detail, used when no Retry-After header came. A request refused for the thinking
     * budget of its reasoning effort, for its penalties, for the VALIDATED mode its strict tools asked for, or for
     * the thought signatures of the calls it sends back, is UNSUPPORTED: another deployment may take them.
     */
    private ProviderException failure(UpstreamResponse response, ChatRequest request) {
        GeminiErrorBody error = GeminiErrorBody.read(response.body(), json);
        Kind bodyKind = null;
        if (error.keyInvalid() || error.accountUnusable()) {
            bodyKind = Kind.UNAUTHORIZED;
        } else if (error.contextTooLong() && response.status() == 400) {
            bodyKind = Kind.CONTEXT_TOO_LONG;
        } else if (response.status() == 400 && (error.thinkingRefused() && request.options().reasoning() != null
                || error.penaltyRefused() && request.options().penalties().any()
                || error.validatedRefused() && GeminiRequestMapper.asksValidated(request)
                || error.signatureRefused() && request.messages().stream().anyMatch(m -> !m.toolCalls().isEmpty()))) {
            bodyKind = Kind.UNSUPPORTED;
        }
        ProviderException base = support.failures().fromStatus(name, response, error.code(), bodyKind);
        Duration wait = base.retryAfter().or(error::retryDelay).orElse(null);
        if (Objects.equals(wait, base.retryAfter().orElse(null))) {
            return base;
        }
        return new ProviderException(name, base.kind(), base.getMessage(), base.status(), wait);
    }
}
