package dev.switchboard.provider.anthropic;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.HttpAdapterSupport;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.net.URI;

/** Builds {@link AnthropicAdapter}s for providers declared with protocol "anthropic". */
@Singleton
public final class AnthropicAdapterFactory implements ProviderAdapterFactory {

    /** Anthropic's public API; a configured base URL (a proxy, a test double) takes its place. */
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    private final HttpAdapterSupport support;
    private final JsonMapper json;

    public AnthropicAdapterFactory(HttpAdapterSupport support, JsonMapper json) {
        this.support = support;
        this.json = json;
    }

    @Override
    public String protocol() {
        return AnthropicAdapter.PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        String base = config.baseUrl() != null && !config.baseUrl().isBlank() ? config.baseUrl() : DEFAULT_BASE_URL;
        return new AnthropicAdapter(config.name(), URI.create(base), support, json, config.promptCaching());
    }
}
