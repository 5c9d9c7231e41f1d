package dev.switchboard.state;

/**
 * The shared state store could not be reached or refused the call. The message names the failure's
 * kind (e.g. a timeout or a throttle) for the operators' logs; it never carries item contents.
 */
public final class StateUnavailableException extends RuntimeException {

    public StateUnavailableException(String message, Throwable cause) {
        super(cause == null ? message : message + " (" + cause.getClass().getSimpleName() + ")", cause);
    }
}
