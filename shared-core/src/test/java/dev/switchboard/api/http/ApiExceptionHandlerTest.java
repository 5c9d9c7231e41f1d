package dev.switchboard.api.http;

import dev.switchboard.api.ApiError;
import dev.switchboard.api.ApiException;
import dev.switchboard.api.ProviderRejectedException;
import dev.switchboard.api.RateLimitedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rendering of an {@link ApiException}, whether exception handling or the authentication filter sends it. */
class ApiExceptionHandlerTest {

    @Test
    void sendsTheStatusTheErrorJsonAndTheExceptionsHeaders() {
        HttpResponse<ApiError.ErrorEnvelope> response = new ApiExceptionHandler()
                .handle(HttpRequest.GET("/complete"), new RateLimitedException("Too many requests", Duration.ofMillis(1500)));

        assertEquals(429, response.code());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getContentType().orElseThrow());
        assertEquals("2", response.getHeaders().get("Retry-After"));
        assertEquals(new ApiError("rate_limited", "Too many requests", null).envelope(), response.body());
    }

    @Test
    void aRefusalWithHeadersKeepsThemThroughTheSharedRendering() {
        ApiException refused = new ApiException(503, "unavailable", "Try later", null) {
            @Override
            public Map<String, String> headers() {
                return Map.of("Retry-After", "30");
            }
        };

        HttpResponse<ApiError.ErrorEnvelope> response = ApiExceptionHandler.response(refused);

        assertEquals(503, response.code());
        assertEquals("30", response.getHeaders().get("Retry-After"));
        assertEquals("unavailable", response.body().error().type());
    }

    @Test
    void aRequestAProviderRefusedAsMalformedTellsOpenAisClientsNotToSendItAgain() {
        HttpResponse<ApiError.ErrorEnvelope> response = ApiExceptionHandler.response(
                new ProviderRejectedException("openai/gpt-4o", List.of("openai/gpt-4o (rejected)")));

        assertEquals(502, response.code());
        assertEquals("false", response.getHeaders().get("x-should-retry"), "their SDKs resend any 5xx otherwise");
    }
}
