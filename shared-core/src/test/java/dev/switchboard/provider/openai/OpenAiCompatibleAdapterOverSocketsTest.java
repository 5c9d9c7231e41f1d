package dev.switchboard.provider.openai;

import dev.switchboard.provider.http.UpstreamHttp;
import dev.switchboard.provider.http.socket.SocketTransports;

import java.time.Duration;

/** The whole of {@link OpenAiCompatibleAdapterTest}, sent over the blocking-socket transport instead of the JDK client. */
class OpenAiCompatibleAdapterOverSocketsTest extends OpenAiCompatibleAdapterTest {

    @Override
    protected UpstreamHttp transport(Duration connectTimeout) {
        return SocketTransports.create(connectTimeout);
    }
}
