package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.ProviderRegistry;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Tier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Test-data builder: scripted providers behind a real {@link ProviderRegistry}, their candidates, and a
 * fallback chain over them with a test clock and a sleeper that moves it.
 */
final class ScriptedProviders {

    static final String PROTOCOL = "scripted";
    static final Function<Candidate, ChatRequest> ASK =
            candidate -> new ChatRequest(candidate.model(), List.of(ChatMessage.user("hello")), 50);

    final MutableClock clock = new MutableClock();
    final ClockSleeper sleeper = new ClockSleeper(clock);
    private final Map<String, ScriptedProvider> providers = new LinkedHashMap<>();
    private ResilienceSettings settings = ResilienceSettings.DEFAULTS;
    private DeploymentBreakers breakers;
    private FallbackChain chain;

    /** The provider called {@code name}, created on first mention; its deployments are named by the candidates. */
    ScriptedProvider provider(String name) {
        return providers.computeIfAbsent(name, key -> new ScriptedProvider(key, clock));
    }

    ScriptedProviders settings(ResilienceSettings value) {
        this.settings = value;
        return this;
    }

    /** What the chain should report of a candidate's turn, its waits in whole milliseconds. */
    static Attempt attempt(Candidate candidate, String kind, int status, int retries, long waitedMs) {
        return new Attempt(candidate.label(), kind, status, retries, Duration.ofMillis(waitedMs));
    }

    /** One request through the chain over {@code ranked}, asking {@link #ASK}. */
    FallbackChain.Outcome call(Candidate... ranked) {
        return chain().call(List.of(ranked), ASK);
    }

    static Candidate candidate(String provider, String model) {
        return candidate(provider, model, Capabilities.DEFAULTS.contextLength());
    }

    static Candidate candidate(String provider, String model, int contextLength) {
        return new Candidate(provider, model, Tier.ECONOMY, 1e-7, 2e-7, true,
                new Capabilities(contextLength, false, false, true), 1);
    }

    DeploymentBreakers breakers() {
        chain();
        return breakers;
    }

    /** Built on first use, after the providers were scripted; later calls share its breakers. */
    FallbackChain chain() {
        if (chain == null) {
            List<ProviderConfig> configs = new ArrayList<>();
            providers.keySet().forEach(name -> configs.add(new ProviderConfig(name, PROTOCOL, null,
                    List.of(new DeploymentConfig("m", Tier.ECONOMY, 60, 100_000, Capabilities.DEFAULTS)), null)));
            ProviderRegistry registry = new ProviderRegistry(new ProviderCatalog("test", configs),
                    List.of(factory()));
            breakers = new DeploymentBreakers(settings, clock);
            chain = new FallbackChain(registry, breakers, settings, clock, sleeper);
        }
        return chain;
    }

    private ProviderAdapterFactory factory() {
        return new ProviderAdapterFactory() {
            @Override
            public String protocol() {
                return PROTOCOL;
            }

            @Override
            public ChatProvider create(ProviderConfig config) {
                return providers.get(config.name());
            }
        };
    }

    static ProviderException unavailable(int status) {
        return new ProviderException("p", ProviderException.Kind.UNAVAILABLE, "HTTP " + status, status, null);
    }

    static ProviderException timeout() {
        return new ProviderException("p", ProviderException.Kind.TIMEOUT, "timed out");
    }

    static ProviderException rateLimited(Duration retryAfter) {
        return new ProviderException("p", ProviderException.Kind.RATE_LIMITED, "HTTP 429", 429, retryAfter);
    }

    static ProviderException rejected() {
        return new ProviderException("p", ProviderException.Kind.REJECTED, "HTTP 400", 400, null);
    }

    static ProviderException unsupported() {
        return ProviderException.unsupported("p", "tool parameters this protocol cannot say");
    }

    static ProviderException unauthorized() {
        return new ProviderException("p", ProviderException.Kind.UNAUTHORIZED, "HTTP 401", 401, null);
    }

    static ProviderException notFound() {
        return new ProviderException("p", ProviderException.Kind.NOT_FOUND, "HTTP 404", 404, null);
    }

    static ProviderException contextTooLong() {
        return new ProviderException("p", ProviderException.Kind.CONTEXT_TOO_LONG, "HTTP 400 context", 400, null);
    }
}
