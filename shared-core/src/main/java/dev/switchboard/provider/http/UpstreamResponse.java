package dev.switchboard.provider.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A provider's whole answer: status, headers (names lower-cased) and body. */
public record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public UpstreamResponse {
        headers = UpstreamHeaders.lowerCased(headers);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return UpstreamHeaders.first(headers, name.toLowerCase(Locale.ROOT));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
