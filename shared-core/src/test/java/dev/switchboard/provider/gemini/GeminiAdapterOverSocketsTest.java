package dev.switchboard.provider.gemini;

import dev.switchboard.provider.http.UpstreamHttp;
import dev.switchboard.provider.http.socket.SocketTransports;

import java.time.Duration;

/** The whole of {@link GeminiAdapterTest}, sent over the blocking-socket transport instead of the JDK client. */
class GeminiAdapterOverSocketsTest extends GeminiAdapterTest {

    @Override
    protected UpstreamHttp transport(Duration connectTimeout) {
        return SocketTransports.create(connectTimeout);
    }
}
