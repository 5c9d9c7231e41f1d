package dev.switchboard.api;

/** 503: the shared state store (DynamoDB) could not be asked, so the request cannot be decided. */
public final class StateStoreUnavailableException extends ApiException {

    public StateStoreUnavailableException(String message) {
        super(503, "state_unavailable", message, null);
    }
}
