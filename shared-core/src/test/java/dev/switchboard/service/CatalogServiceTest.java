package dev.switchboard.service;

import dev.switchboard.api.ProvidersResponse;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.LatencyHistogram;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.RateLimits;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.state.memory.InMemoryLatencyStore;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET /providers shows each deployment's shared circuit, local breaker and latency from the snapshot. */
class CatalogServiceTest {

    private final MutableClock clock = new MutableClock();
    private final InMemoryLatencyStore latency = new InMemoryLatencyStore(LatencySettings.defaults(), clock);
    private final InMemoryHealthStore health = new InMemoryHealthStore();
    private final SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini", "gpt-4o");
    private final SharedStateParts.Instance instance = parts.instance(latency, health, clock);
    private final CatalogService catalog = new CatalogService(parts.catalog(), SharedStateParts.PRICES,
            instance.cache(), instance.breakers());

    @Test
    void measuredDeploymentsShowTheirFiguresAndOthersNulls() {
        latency.record("alpha/gpt-4o-mini", Duration.ofMillis(100), true, clock.instant());
        latency.record("alpha/gpt-4o-mini", Duration.ofMillis(100), true, clock.instant());
        latency.record("alpha/gpt-4o-mini", Duration.ofMillis(5000), false, clock.instant());
        health.publish(CircuitRecord.open("alpha/gpt-4o-mini", clock.instant(), CircuitRecord.PROBE, "TIMEOUT"));

        ProvidersResponse response = catalog.providers(Caller.ANONYMOUS);

        ProvidersResponse.Deployment measured = response.providers().get(0).deployments().get(0);
        assertEquals("OPEN", measured.circuit());
        assertEquals("OPEN", measured.localCircuit(), "the shared verdict reached this instance's breaker");
        assertEquals(100.0, measured.emaLatencyMs(), 1e-9);
        assertEquals(100.0, measured.p50LatencyMs(), 100 * LatencyHistogram.RELATIVE_ERROR);
        assertEquals(100.0, measured.p99LatencyMs(), 100 * LatencyHistogram.RELATIVE_ERROR);
        assertEquals(2.0 / 3, measured.successRate(), 1e-9);
        ProvidersResponse.Deployment unknown = response.providers().get(0).deployments().get(1);
        assertNull(unknown.circuit());
        assertEquals("CLOSED", unknown.localCircuit());
        assertNull(unknown.emaLatencyMs());
        assertNull(unknown.p95LatencyMs());
        assertNull(unknown.successRate());
    }

    @Test
    void aProvidersBaseUrlIsTheAdminsToSee() {
        ProviderCatalog withUrl = new ProviderCatalog("test", List.of(new ProviderConfig("local", "openai-compatible",
                "http://10.0.0.7:8000/v1", List.of(new DeploymentConfig("llama3", Tier.ECONOMY, 10, 10_000,
                        Capabilities.DEFAULTS)), null)));
        CatalogService service = new CatalogService(withUrl, SharedStateParts.PRICES, instance.cache(), instance.breakers());
        Caller key = new Caller("alice", "vk_alice", null, RateLimits.NONE, false);

        assertEquals("http://10.0.0.7:8000/v1", service.providers(Caller.ANONYMOUS).providers().get(0).baseUrl());
        assertNull(service.providers(key).providers().get(0).baseUrl(), "an internal host is no key holder's business");
        assertEquals("llama3", service.providers(key).providers().get(0).deployments().get(0).model());
    }
}
