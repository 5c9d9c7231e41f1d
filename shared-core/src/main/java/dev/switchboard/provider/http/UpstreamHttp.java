package dev.switchboard.provider.http;

/**
 * The HTTP port every HTTP adapter sends through. Transport failures (connection refused or reset,
 * no answer in time) are thrown as {@link dev.switchboard.provider.ProviderException}s; an HTTP
 * error status is returned, for the adapter to classify with its protocol's error body.
 */
public interface UpstreamHttp {

    UpstreamResponse post(UpstreamRequest request);

    /** Returns once the status and headers are in; the body is read by the caller as it streams. */
    UpstreamStream postStreaming(UpstreamRequest request);

    /** Builds what the first call would otherwise build (a client, its TLS context) without any I/O. */
    default void prepare() {
        // Nothing to build by default.
    }
}
