package dev.switchboard.provider.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.testsupport.StartUpFailures;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamPropertiesTest {

    @Test
    void defaultsAreFiveSecondsToConnectAndSixtyForACall() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertEquals(UpstreamTimeouts.DEFAULTS, context.getBean(UpstreamTimeouts.class));
        }
    }

    @Test
    void aZeroTimeoutStopsStartUpNamingTheVariables() {
        Throwable cause = startUpFailure(Map.of("switchboard.providers.http.call-timeout", "0s"));
        assertTrue(cause.getMessage().contains("SWITCHBOARD_PROVIDERS_HTTP_CALL_TIMEOUT"), cause.getMessage());
        assertTrue(cause.getMessage().contains(Duration.ZERO.toString()), cause.getMessage());
    }

    @Test
    void theSocketTransportIsTheDefaultAndJdkPicksTheJdkClientForEveryCall() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertInstanceOf(ProxyRoutedUpstreamHttp.class, context.getBean(UpstreamHttp.class));
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.providers.http.client", "Socket"))) {
            assertInstanceOf(ProxyRoutedUpstreamHttp.class, context.getBean(UpstreamHttp.class));
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("switchboard.providers.http.client", " JDK "))) {
            assertInstanceOf(JdkUpstreamHttp.class, context.getBean(UpstreamHttp.class));
        }
    }

    @Test
    void anUnknownTransportStopsStartUpNamingTheVariable() {
        Throwable cause = startUpFailure(Map.of("switchboard.providers.http.client", "okhttp"));
        assertTrue(cause.getMessage().contains("SWITCHBOARD_PROVIDERS_HTTP_CLIENT"), cause.getMessage());
        assertTrue(cause.getMessage().contains("okhttp"), cause.getMessage());
    }

    private static ConfigurationError startUpFailure(Map<String, Object> properties) {
        return StartUpFailures.configurationError(properties);
    }
}
