package dev.switchboard.provider.openai;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;

/**
 * What the two Chat Completions protocols share: OpenAI itself and servers compatible with it are
 * the same adapter, told apart by their endpoint (path, key header, budget field).
 */
abstract class ChatCompletionsAdapterFactory implements ProviderAdapterFactory {

    private final String protocol;
    private final boolean compatible;
    private final HttpAdapterSupport support;
    private final JsonMapper json;

    ChatCompletionsAdapterFactory(String protocol, boolean compatible, HttpAdapterSupport support, JsonMapper json) {
        this.protocol = protocol;
        this.compatible = compatible;
        this.support = support;
        this.json = json;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        try {
            return new OpenAiChatAdapter(config.name(), protocol, new OpenAiEndpoint(config.baseUrl(), compatible,
                    config.maxTokensField()), support, json);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("provider '" + config.name() + "' (" + protocol + "): " + e.getMessage());
        }
    }
}
