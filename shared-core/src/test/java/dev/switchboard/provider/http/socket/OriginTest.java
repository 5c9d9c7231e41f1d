package dev.switchboard.provider.http.socket;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OriginTest {

    @Test
    void theSchemesOwnPortIsLeftOutOfTheHostHeader() {
        assertEquals(new Origin(true, "api.openai.com", 443), Origin.of(URI.create("https://api.openai.com/v1/chat")));
        assertEquals("api.openai.com", Origin.of(URI.create("https://api.openai.com/v1")).hostHeader());
        assertEquals("localhost:8080", Origin.of(URI.create("http://localhost:8080/v1")).hostHeader());
        assertEquals(80, Origin.of(URI.create("http://localhost/v1")).port());
    }

    @Test
    void anIpv6LiteralConnectsWithoutBracketsAndIsNamedWithThem() {
        Origin local = Origin.of(URI.create("http://[::1]:11434/v1/chat/completions"));

        assertEquals("::1", local.host());
        assertEquals("[::1]:11434", local.hostHeader());
    }

    @Test
    void onlyHttpAndHttpsAreTaken() {
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("ftp://example.com/")));
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("file:///etc/passwd")));
    }
}
