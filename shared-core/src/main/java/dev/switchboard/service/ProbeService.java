package dev.switchboard.service;

import dev.switchboard.api.ProbeReport;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduled health probe: one minimal call (a one-token answer) per configured deployment,
 * timed and reported. Recording the results in shared health state comes with the state package.
 */
@Singleton
public class ProbeService {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeService.class);
    static final String PROBE_PROMPT = "ping";

    private final ProviderCatalog catalog;
    private final ProviderRegistry providers;
    private final Clock clock;

    public ProbeService(ProviderCatalog catalog, ProviderRegistry providers, Clock clock) {
        this.catalog = catalog;
        this.providers = providers;
        this.clock = clock;
    }

    public ProbeReport probeAll() {
        Instant at = clock.instant();
        List<ProbeReport.Result> results = new ArrayList<>();
        for (ProviderConfig config : catalog.providers()) {
            ChatProvider provider = providers.provider(config.name()).orElseThrow();
            for (DeploymentConfig deployment : config.deployments()) {
                results.add(probe(provider, deployment.model()));
            }
        }
        long healthy = results.stream().filter(ProbeReport.Result::healthy).count();
        LOG.info("health probe: {} healthy, {} unhealthy", healthy, results.size() - healthy);
        return new ProbeReport(at, (int) healthy, (int) (results.size() - healthy), results);
    }

    private ProbeReport.Result probe(ChatProvider provider, String model) {
        long start = clock.millis();
        try {
            provider.complete(new ChatRequest(model, List.of(ChatMessage.user(PROBE_PROMPT)), 1));
            return new ProbeReport.Result(provider.name(), model, true, clock.millis() - start, null);
        } catch (ProviderException e) {
            return new ProbeReport.Result(provider.name(), model, false, clock.millis() - start, e.kind().name());
        } catch (RuntimeException e) {
            // One adapter's unexpected failure must not stop the probe of every other deployment.
            LOG.error("health probe of {}/{} failed unexpectedly", provider.name(), model, e);
            return new ProbeReport.Result(provider.name(), model, false, clock.millis() - start, "UNEXPECTED");
        }
    }
}
