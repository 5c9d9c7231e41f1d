package dev.switchboard.provider;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every configured provider's adapter, looked up by provider name. Adapters are built at start-up
 * by the factory registered for their protocol; a protocol without a factory fails start-up with a
 * message naming the provider, rather than failing its first request.
 */
public final class ProviderRegistry {

    private final Map<String, ChatProvider> providers;

    public ProviderRegistry(ProviderCatalog catalog, List<ProviderAdapterFactory> factories) {
        Map<String, ProviderAdapterFactory> byProtocol = factories.stream()
                .collect(Collectors.toMap(ProviderAdapterFactory::protocol, Function.identity(), (a, b) -> {
                    throw new ConfigurationError("two adapters are registered for protocol '" + a.protocol() + "': "
                            + a.getClass().getSimpleName() + " and " + b.getClass().getSimpleName());
                }));
        Map<String, ChatProvider> built = new LinkedHashMap<>();
        for (ProviderConfig config : catalog.providers()) {
            ProviderAdapterFactory factory = byProtocol.get(config.protocol());
            if (factory == null) {
                throw new ConfigurationError(catalog.source() + ": provider '" + config.name() + "' uses protocol '"
                        + config.protocol() + "', which this build has no adapter for (available: "
                        + byProtocol.keySet().stream().sorted().toList() + ")");
            }
            built.put(config.name(), factory.create(config));
        }
        this.providers = Map.copyOf(built);
    }

    public Optional<ChatProvider> provider(String name) {
        return Optional.ofNullable(providers.get(name));
    }
}
