package dev.switchboard.provider.bedrock;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.http.UpstreamFailures;
import dev.switchboard.provider.http.UpstreamTimeouts;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Creates {@link BedrockProvider}s for providers declared with protocol "bedrock". */
@Singleton
public final class BedrockAdapterFactory implements ProviderAdapterFactory {

    private final BedrockClients clients;
    private final UpstreamTimeouts timeouts;
    private final Clock clock;
    private final TokenCounter tokens;

    public BedrockAdapterFactory(BedrockClients clients, UpstreamTimeouts timeouts, Clock clock, TokenCounter tokens) {
        this.clients = clients;
        this.timeouts = timeouts;
        this.clock = clock;
        this.tokens = tokens;
    }

    @Override
    public String protocol() {
        return BedrockProvider.PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        // A little longer than the transport's wait for a stream to start, so that its more precise failure comes first.
        Duration idle = timeouts.call().plus(timeouts.connect());
        return new BedrockProvider(config.name(), clients.open(config),
                new BedrockFailures(config.name(), new UpstreamFailures(clock)), tokens, timeouts.call(), idle, clock,
                new BedrockRequestMapper(config.promptCaching(), config.guardrail()));
    }
}
