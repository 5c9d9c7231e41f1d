package dev.switchboard.provider.http;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The JDK client (and its TLS set-up) is built on first use or by prepare(), not at start-up. */
class JdkUpstreamHttpLazyClientTest {

    @Test
    void buildsTheClientOnlyWhenPreparedAndOnlyOnce() throws Exception {
        try (JdkUpstreamHttp http = new JdkUpstreamHttp(Duration.ofSeconds(1))) {
            assertNull(client(http), "a function that never calls a provider never builds the client");

            http.prepare();
            Object first = client(http);
            http.prepare();

            assertNotNull(first);
            assertSame(first, client(http));
        }
    }

    private static Object client(JdkUpstreamHttp http) throws ReflectiveOperationException {
        Field field = JdkUpstreamHttp.class.getDeclaredField("client");
        field.setAccessible(true);
        return field.get(http);
    }
}
