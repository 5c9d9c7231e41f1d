package dev.switchboard.config;

import java.util.List;
import java.util.Optional;

/** Every configured provider and where the configuration came from. */
public record ProviderCatalog(String source, List<ProviderConfig> providers) {

    public ProviderCatalog {
        providers = List.copyOf(providers);
    }

    public Optional<ProviderConfig> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
