package dev.switchboard.testsupport;

import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.StreamChunk;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A test adapter whose providers stream each request as {@code stream} does, for tests whose every request is
 * streamed: a whole request fails the test.
 */
public final class StreamingAdapter implements ProviderAdapterFactory {

    /** What a provider streams: from its name and the request, the chunks handed to the sink (or a throw). */
    @FunctionalInterface
    public interface Script {
        void stream(String provider, ChatRequest request, Consumer<StreamChunk> sink);
    }

    private final String protocol;
    private final Script script;

    private StreamingAdapter(String protocol, Script script) {
        this.protocol = Objects.requireNonNull(protocol);
        this.script = Objects.requireNonNull(script);
    }

    public static StreamingAdapter of(String protocol, Script script) {
        return new StreamingAdapter(protocol, script);
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
                throw new AssertionError("every request of this test is streamed");
            }

            @Override
            public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
                script.stream(config.name(), request, sink);
            }
        };
    }
}
