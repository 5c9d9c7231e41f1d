package dev.switchboard.observability;

import org.slf4j.MDC;

/**
 * The request id on the logging context (SLF4J's MDC) of the thread working on a request, so that
 * every line logged for it carries the id, whichever class logs it. {@link RequestMdcFilter} scopes
 * the context to the request: each request starts with an empty one and leaves the thread as it was.
 */
public final class RequestLogContext {

    /** The MDC key, and so the JSON field, of the request id (the x-request-id header's value). */
    public static final String REQUEST_ID = "request_id";

    private RequestLogContext() {
    }

    /** From here on, this thread's log lines carry {@code requestId}. */
    public static void enter(String requestId) {
        MDC.put(REQUEST_ID, requestId);
    }

    /** The request id on this thread's context, or null. */
    public static String current() {
        return MDC.get(REQUEST_ID);
    }

    /** From here on, this thread's log lines carry no request id: for a pooled thread whose task has ended. */
    public static void leave() {
        MDC.remove(REQUEST_ID);
    }

    /** Runs {@code action} with {@code requestId} on this thread's context, then puts back what was there. */
    public static void with(String requestId, Runnable action) {
        String before = MDC.get(REQUEST_ID);
        MDC.put(REQUEST_ID, requestId);
        try {
            action.run();
        } finally {
            if (before == null) {
                MDC.remove(REQUEST_ID);
            } else {
                MDC.put(REQUEST_ID, before);
            }
        }
    }
}
