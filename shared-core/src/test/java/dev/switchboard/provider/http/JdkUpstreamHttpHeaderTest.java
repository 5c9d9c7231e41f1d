package dev.switchboard.provider.http;

import dev.switchboard.provider.ProviderException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A header value the JDK client refuses fails the call without the value in any message. */
class JdkUpstreamHttpHeaderTest {

    @Test
    void aKeyTheClientRefusesIsAFailedCallThatDoesNotQuoteIt() {
        try (JdkUpstreamHttp http = new JdkUpstreamHttp(Duration.ofSeconds(1))) {
            UpstreamRequest request = new UpstreamRequest("openai", URI.create("http://127.0.0.1:9/v1/chat/completions"),
                    Map.of("Authorization", "Bearer \u0007sk-CANARY"), "{}", Duration.ofSeconds(1));

            ProviderException e = assertThrows(ProviderException.class, () -> http.post(request));

            assertEquals(ProviderException.Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("inside the HTTP client (IllegalArgumentException)"), e.getMessage());
            assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
        }
    }
}
