package dev.switchboard.service;

/**
 * Thrown by a {@link ChatStreamListener} when the caller it hands chunks to has gone away. It is not
 * a provider failure: it passes through the fallback chain unjudged (the deployment did nothing wrong),
 * unwinds the adapter (which closes its upstream connection, so no more tokens are paid for), and is
 * ledgered as a cancelled request before it goes on.
 */
public final class StreamCancelledException extends RuntimeException {

    public StreamCancelledException() {
        // No stack trace: this is a normal way for a stream to end, thrown once per departed caller.
        super("the caller went away before the stream ended", null, false, false);
    }
}
