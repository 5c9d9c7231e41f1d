package dev.switchboard.service;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.Usage;
import dev.switchboard.testsupport.AnsweringAdapter;

import java.util.concurrent.atomic.AtomicInteger;

/** A test protocol whose every call runs a script: answer, throw, or wait for the test first. */
final class ScriptedProbeAdapter implements ProviderAdapterFactory {

    /** What one call does before answering; throwing fails the call. */
    interface Script {
        void run(ChatRequest request) throws Exception;
    }

    final AtomicInteger calls = new AtomicInteger();
    private final AnsweringAdapter answering;

    ScriptedProbeAdapter(String protocol, Script script) {
        this.answering = AnsweringAdapter.of(protocol, (provider, request) -> {
            calls.incrementAndGet();
            try {
                script.run(request);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new ChatResponse("pong", request.model(), new Usage(1, 1, 0, 0), FinishReason.LENGTH);
        });
    }

    @Override
    public String protocol() {
        return answering.protocol();
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return answering.create(config);
    }
}
