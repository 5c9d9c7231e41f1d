package dev.switchboard.testsupport;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderAdapterFactory;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A test adapter whose providers answer each whole request with what {@code answer} makes of it and of the
 * provider's name, or fail with what it throws. Streams are the answer in one chunk (the port's default).
 */
public final class AnsweringAdapter implements ProviderAdapterFactory {

    private final String protocol;
    private final BiFunction<String, ChatRequest, ChatResponse> answer;

    private AnsweringAdapter(String protocol, BiFunction<String, ChatRequest, ChatResponse> answer) {
        this.protocol = Objects.requireNonNull(protocol);
        this.answer = Objects.requireNonNull(answer);
    }

    /** @param answer from the provider's name and the request, the answer (or a throw) */
    public static AnsweringAdapter of(String protocol, BiFunction<String, ChatRequest, ChatResponse> answer) {
        return new AnsweringAdapter(protocol, answer);
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public ChatProvider create(ProviderConfig config) {
        return new NamedTestProvider(config.name(), protocol) {
            @Override
            public ChatResponse complete(ChatRequest request) {
                return answer.apply(config.name(), request);
            }
        };
    }
}
