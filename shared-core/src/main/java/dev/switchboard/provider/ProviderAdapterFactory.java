package dev.switchboard.provider;

import dev.switchboard.config.ProviderConfig;

/**
 * Builds the adapter for one wire protocol. Each protocol is one bean of this type; the registry
 * picks it by {@link #protocol()}, so a new provider is a new bean, never a branch in the router.
 */
public interface ProviderAdapterFactory {

    String protocol();

    ChatProvider create(ProviderConfig config);
}
