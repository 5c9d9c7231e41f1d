package dev.switchboard.api;

/**
 * 404: no request with this id that the caller may see. Someone else's request gets the same answer
 * as one that never existed, so that ids cannot be probed.
 */
public final class RequestNotFoundException extends ApiException {

    public RequestNotFoundException(String requestId) {
        super(404, "not_found", "No request '" + requestId + "' is recorded for this caller", "request_id");
    }
}
