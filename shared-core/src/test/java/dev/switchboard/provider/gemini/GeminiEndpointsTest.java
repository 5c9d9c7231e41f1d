package dev.switchboard.provider.gemini;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Gemini's URLs: the model as one encoded path segment, streaming as SSE, no key anywhere. */
class GeminiEndpointsTest {

    @Test
    void generateAndStreamUrlsForAModel() {
        GeminiEndpoints endpoints = new GeminiEndpoints("https://generativelanguage.googleapis.com/");

        assertEquals(URI.create("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent"),
                endpoints.generate("gemini-1.5-flash"));
        assertEquals(URI.create("https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:streamGenerateContent?alt=sse"),
                endpoints.stream("gemini-1.5-flash"));
    }

    @Test
    void theModelCannotEscapeItsPathSegment() {
        GeminiEndpoints endpoints = new GeminiEndpoints("http://127.0.0.1:8080/proxy");

        assertEquals("/proxy/v1beta/models/..%2F..%2Fadmin%3Fx%3D1%23f:generateContent",
                endpoints.generate("../../admin?x=1#f").getRawPath());
        assertEquals("/proxy/v1beta/models/gemini-2.0-flash:generateContent",
                endpoints.generate("models/gemini-2.0-flash").getRawPath());
    }

    @Test
    void aBaseUrlMustBeAnAbsoluteHttpUrl() {
        for (String base : new String[] {"generativelanguage.googleapis.com", "ftp://host", "http://", "not a url"}) {
            assertThrows(IllegalArgumentException.class, () -> new GeminiEndpoints(base), base);
        }
    }
}
