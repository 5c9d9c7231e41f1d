package dev.switchboard.provider.openai;

import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.http.HttpAdapterSupport;
import dev.switchboard.provider.http.UpstreamRequest;
import dev.switchboard.provider.http.UpstreamResponse;
import dev.switchboard.secrets.ApiKey;
import io.micronaut.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Chat Completions over HTTP: OpenAI itself, or any server that speaks its protocol. */
public final class OpenAiChatAdapter implements ChatProvider {

    private final String name;
    private final String protocol;
    private final OpenAiEndpoint endpoint;
    private final HttpAdapterSupport support;
    private final JsonMapper json;
    private final OpenAiRequestMapper mapper;
    private final OpenAiResponseParser parser;
    /** The chat URL when it is the same for every model (parsed once: it is on every call's path), else null. */
    private final URI sharedChatUri;

    public OpenAiChatAdapter(String name, String protocol, OpenAiEndpoint endpoint, HttpAdapterSupport support,
                             JsonMapper json) {
        this.name = name;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.support = support;
        this.json = json;
        this.mapper = new OpenAiRequestMapper(json, endpoint.budgetField(), !endpoint.compatible());
        this.parser = new OpenAiResponseParser(name, json, support.tokens());
        this.sharedChatUri = endpoint.chatUriPerModel() ? null : endpoint.chatUri("");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        return parser.parse(support.call(upstreamRequest(request, false), this::failure), request);
    }

    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        OpenAiStreamParser stream = new OpenAiStreamParser(name, json, support.tokens(), request, sink);
        support.streamEvents(request, upstreamRequest(request, true), this::failure, stream::accept);
        stream.end();
    }

    private UpstreamRequest upstreamRequest(ChatRequest request, boolean stream) {
        Map<String, String> headers = new HashMap<>();
        Optional<ApiKey> key = endpoint.keyRequired() ? Optional.of(support.requiredKey(name))
                : support.keys().apiKey(name);
        key.ifPresent(k -> headers.putAll(endpoint.authHeader(k.reveal())));
        if (stream) {
            headers.put("Accept", "text/event-stream");
        }
        return new UpstreamRequest(name,
                sharedChatUri != null ? sharedChatUri : endpoint.chatUri(request.model()), headers,
                new String(body(request, stream), StandardCharsets.UTF_8), support.callTimeout(name, request));
    }

    private byte[] body(ChatRequest request, boolean stream) {
        if (!endpoint.compatible() && request.options().format().kind() == ResponseFormat.Kind.JSON_OBJECT
                && request.messages().stream().noneMatch(m -> m.content() != null
                        && m.content().toLowerCase(Locale.ROOT).contains("json"))) {
            // OpenAI refuses json_object unless a message mentions JSON, with a 400 that would end the chain there.
            throw ProviderException.unsupported(name, "OpenAI takes response_format json_object only when a message "
                    + "mentions JSON");
        }
        try {
            return mapper.body(request, stream);
        } catch (IllegalArgumentException e) {
            // Tool parameters that are not one JSON value: unsendable here, but not a failure of this deployment.
            throw ProviderException.unsupported(name, e.getMessage());
        }
    }

    private ProviderException failure(UpstreamResponse response) {
        OpenAiErrorBody error = OpenAiErrorBody.read(json, response.body());
        return support.failures().fromStatus(name, response, error.code(), error.kind());
    }
}
