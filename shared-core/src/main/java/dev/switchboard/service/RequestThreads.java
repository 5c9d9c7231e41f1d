package dev.switchboard.service;

import dev.switchboard.observability.RequestLogContext;

import java.util.Optional;

/**
 * A request's work handed to pooled threads (a stream's producer and its events' worker): each logs under the
 * request's id while it works on it, and leaves the thread without it. The service puts the id on the thread it
 * runs on ({@link RoutingTrace}); what runs the request elsewhere goes through here.
 */
public final class RequestThreads {

    private RequestThreads() {
    }

    /** Runs {@code action} under {@code requestId} when known, then puts back what the thread had. */
    public static void runAs(Optional<String> requestId, Runnable action) {
        requestId.ifPresentOrElse(id -> RequestLogContext.with(id, action), action);
    }

    /** Takes any request id off this thread's log context: its work on a request is over. */
    public static void leave() {
        RequestLogContext.leave();
    }
}
