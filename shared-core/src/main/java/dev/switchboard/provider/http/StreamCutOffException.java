package dev.switchboard.provider.http;

import java.net.http.HttpTimeoutException;

/**
 * A body was cut at its request's cutoff (the request's deadline) while still under way: a timeout,
 * told apart from a silence so that the failure says the deadline ended the stream.
 */
public final class StreamCutOffException extends HttpTimeoutException {

    public StreamCutOffException() {
        super("the stream was still under way at the request's deadline");
    }
}
