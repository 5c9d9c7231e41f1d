package dev.switchboard.api;

/**
 * 503: the shared state a request must consult (its budget, its limits, its key) could not be
 * reached, and the configured choice for that kind is to refuse rather than let it through unchecked.
 */
public final class StateUnavailableApiException extends ApiException {

    public StateUnavailableApiException(String message) {
        super(503, "state_unavailable", message, null);
    }
}
