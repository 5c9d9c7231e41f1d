package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.http.UpstreamRequest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** An upstream call as HTTP/1.1 puts it on the wire: a POST's request line, headers and JSON body. */
final class RequestMessage {

    static final String USER_AGENT = "switchboard";

    private RequestMessage() {
    }

    /** The request's head and body as the bytes that go on the wire. */
    static byte[] bytes(Origin origin, UpstreamRequest request) {
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(256)
                .append("POST ").append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader())
                .append("\r\nContent-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        boolean named = false;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            requireFieldSafe(header.getKey());
            requireFieldSafe(header.getValue());
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            named |= header.getKey().equalsIgnoreCase("User-Agent");
        }
        if (!named) {
            // Some firewalls in front of APIs challenge requests that name no client.
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] message = Arrays.copyOf(start, start.length + body.length);
        System.arraycopy(body, 0, message, start.length, body.length);
        return message;
    }

    /** A header with a line break in it would let its value write further headers. */
    private static void requireFieldSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException("a header name or value holds a line break");
            }
        }
    }
}
