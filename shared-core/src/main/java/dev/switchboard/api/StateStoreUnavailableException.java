package dev.switchboard.api;

/**
 * 503: the shared state (DynamoDB) could not be asked something the request depends on (its key, or
 * its budget and limits while the outage policy says to refuse rather than let it through unchecked).
 */
public final class StateStoreUnavailableException extends ApiException {

    public StateStoreUnavailableException(String message) {
        super(503, "state_unavailable", message, null);
    }
}
