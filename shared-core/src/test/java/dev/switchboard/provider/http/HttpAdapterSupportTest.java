package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpAdapterSupportTest {

    private final MutableClock clock = new MutableClock();
    private final JdkUpstreamHttp http = new JdkUpstreamHttp(Duration.ofSeconds(1));
    private final HttpAdapterSupport support = new HttpAdapterSupport(http, new UpstreamFailures(clock),
            new EnvironmentApiKeySource(Map.of()), new UpstreamTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)),
            new EstimatingTokenCounter(), clock);
    private final ChatRequest request = new ChatRequest("m", List.of(ChatMessage.user("hi")), 10);

    @AfterEach
    void closeTransport() {
        http.close();
    }

    @Test
    void withoutADeadlineACallHasTheCallTimeout() {
        assertEquals(Duration.ofSeconds(60), support.callTimeout("p", request));
    }

    @Test
    void aDeadlineSoonerThanTheCallTimeoutShortensIt() {
        ChatRequest later = request.withDeadline(clock.instant().plusSeconds(90));
        ChatRequest sooner = request.withDeadline(clock.instant().plusSeconds(7));
        assertEquals(Duration.ofSeconds(60), support.callTimeout("p", later));
        assertEquals(Duration.ofSeconds(7), support.callTimeout("p", sooner));
    }

    @Test
    void aPassedDeadlineFailsAsATimeoutBeforeAnythingIsSent() {
        ChatRequest late = request.withDeadline(clock.instant());
        clock.advance(Duration.ofMillis(1));
        ProviderException e = assertThrows(ProviderException.class, () -> support.callTimeout("p", late));
        assertEquals(ProviderException.Kind.TIMEOUT, e.kind());
    }
}
