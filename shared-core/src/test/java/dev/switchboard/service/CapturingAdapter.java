package dev.switchboard.service;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.Usage;
import dev.switchboard.testsupport.NamedTestProvider;

import java.util.ArrayList;
import java.util.List;

/** A test protocol whose providers answer "ok" at once and keep every request they were sent, in order. */
final class CapturingAdapter implements ProviderAdapterFactory {

    static final String PROTOCOL = "capturing";

    final List<ChatRequest> sent = new ArrayList<>();

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return new NamedTestProvider(config.name(), PROTOCOL) {
            @Override
            public ChatResponse complete(ChatRequest request) {
                sent.add(request);
                return new ChatResponse("ok", request.model(), new Usage(5, 1), FinishReason.STOP);
            }
        };
    }
}
