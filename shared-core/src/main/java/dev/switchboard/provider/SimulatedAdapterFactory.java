package dev.switchboard.provider;

import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.TokenCounter;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/** Creates {@link SimulatedProvider}s for providers declared with protocol "simulated". */
@Singleton
public final class SimulatedAdapterFactory implements ProviderAdapterFactory {

    private final TokenCounter tokens;
    private final Sleeper sleeper;

    public SimulatedAdapterFactory(TokenCounter tokens, Sleeper sleeper) {
        this.tokens = tokens;
        this.sleeper = sleeper;
    }

    @Override
    public String protocol() {
        return SimulatedProvider.PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return new SimulatedProvider(config.name(), config.simulation(),
                config.deployments().stream().map(DeploymentConfig::model).collect(Collectors.toSet()),
                tokens, sleeper);
    }
}
