package dev.switchboard.state;

/** The shared state store could not be reached or refused the call. */
public final class StateUnavailableException extends RuntimeException {

    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
