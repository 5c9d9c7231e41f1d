package dev.switchboard.provider.http;

import java.io.IOException;

/**
 * The HTTP port every HTTP adapter sends through. Transport failures (connection refused or reset,
 * no answer in time) are thrown as {@link dev.switchboard.provider.ProviderException}s; an HTTP
 * error status is returned, for the adapter to classify with its protocol's error body.
 */
public interface UpstreamHttp extends AutoCloseable {

    /** Far above any chat answer; a body this large is not one, and is not held in memory. */
    int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /**
     * The whole answer. Read as a stream under the same limits as {@link #postStreaming}: the call
     * timeout ends with the headers, and a body that stalls after them must not hold the call forever.
     */
    default UpstreamResponse post(UpstreamRequest request) {
        try (UpstreamStream stream = postStreaming(request)) {
            byte[] body = stream.body().readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw UpstreamFailures.malformed(request.provider(), "a body over " + MAX_BODY_BYTES + " bytes");
            }
            return new UpstreamResponse(stream.status(), stream.headers(), body);
        } catch (IOException e) {
            throw UpstreamFailures.fromIo(request.provider(), e);
        }
    }

    /** Returns once the status and headers are in; the body is read by the caller as it streams. */
    UpstreamStream postStreaming(UpstreamRequest request);

    /** Builds what the first call would otherwise build (a client, its TLS context) without any I/O. */
    default void prepare() {
        // Nothing to build by default.
    }

    /** Releases connections and threads; nothing by default. */
    @Override
    default void close() {
        // Nothing held by default.
    }
}
