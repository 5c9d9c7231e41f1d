package dev.switchboard.provider.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A provider's answer whose body is read as it arrives. The caller reads {@link #body()} and must
 * close this, which releases the connection even when the body was not read to its end. A caller
 * that read the protocol's end marker says so first ({@link #endMarkerRead()}), so that a transport
 * that can keep the connection (its {@link KeepAliveBody}) finishes the body instead of dropping it.
 */
public final class UpstreamStream implements AutoCloseable {

    /** Error bodies are read whole to find the provider's error code; more than this is not an error body. */
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private boolean endMarkerRead;

    public UpstreamStream(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        this.headers = UpstreamHeaders.lowerCased(headers);
        this.body = body;
    }

    public int status() {
        return status;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return UpstreamHeaders.first(headers, name.toLowerCase(Locale.ROOT));
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public InputStream body() {
        return body;
    }

    /** The body of a failed call, as a whole response, so that it is classified like an unstreamed one. */
    public UpstreamResponse readError() {
        try {
            byte[] bytes = body.readNBytes(ERROR_BODY_LIMIT);
            return new UpstreamResponse(status, headers, bytes);
        } catch (IOException e) {
            return new UpstreamResponse(status, headers, "".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The protocol's end marker has been read: nothing the caller wants is left in the body. */
    public void endMarkerRead() {
        endMarkerRead = true;
    }

    /**
     * Releases the connection. A failure to close is not reported: whether the answer was whole is
     * decided by the protocol's end marker, which was read (or not) before this.
     */
    @Override
    public void close() {
        try {
            if (endMarkerRead && body instanceof KeepAliveBody keepAlive) {
                keepAlive.closeAfterEnd();
                return;
            }
            body.close();
        } catch (IOException ignored) {
            // see above
        }
    }
}
