package dev.switchboard.coldstart;

import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderCatalogLoader;
import dev.switchboard.config.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstantProvidersTest {

    @Test
    void theBuiltInProvidersAndModelsStayButNoneWaitsOrFails(@TempDir Path dir) {
        ProviderCatalog builtIn = new ProviderCatalogLoader().load(ProviderCatalogLoader.BUILT_IN);
        ProviderCatalog instant = new ProviderCatalogLoader().load(InstantProviders.write(dir).toString());

        assertEquals(names(builtIn), names(instant));
        assertEquals(builtIn.providers().stream().map(ProviderConfig::deployments).toList(),
                instant.providers().stream().map(ProviderConfig::deployments).toList());
        assertTrue(builtIn.providers().stream().allMatch(p -> p.simulation().latencyMs() > 0));
        for (ProviderConfig provider : instant.providers()) {
            assertEquals(0, provider.simulation().latencyMs(), provider.name());
            assertEquals(0.0, provider.simulation().failureRate(), provider.name());
            assertEquals(builtIn.providers().stream().filter(p -> p.name().equals(provider.name())).findFirst()
                    .orElseThrow().simulation().seed(), provider.simulation().seed());
        }
    }

    private static List<String> names(ProviderCatalog catalog) {
        return catalog.providers().stream().map(ProviderConfig::name).toList();
    }
}
