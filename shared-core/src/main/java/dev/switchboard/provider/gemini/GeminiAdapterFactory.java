package dev.switchboard.provider.gemini;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/** Builds the adapter for providers declared with protocol "gemini"; without a base URL, Google's public endpoint. */
@Singleton
public final class GeminiAdapterFactory implements ProviderAdapterFactory {

    private final HttpAdapterSupport support;
    private final JsonMapper json;

    public GeminiAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        this.support = support;
        this.json = json;
    }

    @Override
    public String protocol() {
        return GeminiAdapter.PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        String base = config.baseUrl() == null || config.baseUrl().isBlank() ? GeminiEndpoints.DEFAULT_BASE_URL
                : config.baseUrl();
        return new GeminiAdapter(config.name(), base, support, json);
    }
}
