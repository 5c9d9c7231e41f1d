package dev.switchboard.provider.openai;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * Providers declared with protocol "openai-compatible": Ollama, vLLM, llama.cpp server, Azure-style
 * deployment URLs, any server at any base-url that speaks Chat Completions. A key is sent when one
 * is configured and not required otherwise.
 */
@Singleton
public final class OpenAiCompatibleAdapterFactory implements ProviderAdapterFactory {

    public static final String PROTOCOL = "openai-compatible";

    private final HttpAdapterSupport support;
    private final JsonMapper json;

    public OpenAiCompatibleAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        this.support = support;
        this.json = json;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        try {
            return new OpenAiChatAdapter(config.name(), PROTOCOL, new OpenAiEndpoint(config.baseUrl(), true), support,
                    json);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("provider '" + config.name() + "' (openai-compatible): " + e.getMessage());
        }
    }
}
