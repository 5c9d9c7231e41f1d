package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.http.UpstreamHttp;
import dev.switchboard.provider.http.socket.SocketTransports;

import java.time.Duration;

/** The whole of {@link AnthropicAdapterTest}, sent over the blocking-socket transport instead of the JDK client. */
class AnthropicAdapterOverSocketsTest extends AnthropicAdapterTest {

    @Override
    protected UpstreamHttp transport(Duration connectTimeout) {
        return SocketTransports.create(connectTimeout);
    }
}
