package dev.switchboard.provider.openai;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** Providers declared with protocol "openai": OpenAI's Chat Completions, api.openai.com unless base-url says otherwise. */
@Singleton
public final class OpenAiAdapterFactory implements ProviderAdapterFactory {

    public static final String PROTOCOL = "openai";

    private final HttpAdapterSupport support;
    private final JsonMapper json;

    public OpenAiAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        this.support = support;
        this.json = json;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return new OpenAiChatAdapter(config.name(), PROTOCOL, new OpenAiEndpoint(config.baseUrl(), false), support, json);
    }
}
