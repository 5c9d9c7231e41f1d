package dev.switchboard.state;

import java.util.Optional;

/**
 * The shared state store could not be reached or refused the call. The message names the failure's
 * kind (e.g. a timeout or a throttle) for the operators' logs; it never carries item contents. A
 * reservation that may have been written before the failure comes with it, to be released.
 */
public final class StateUnavailableException extends RuntimeException {

    private final transient UncertainReservation uncertain;

    public StateUnavailableException(String message, Throwable cause) {
        this(message, cause, null);
    }

    public StateUnavailableException(String message, Throwable cause, UncertainReservation uncertain) {
        super(cause == null ? message : message + " (" + cause.getClass().getSimpleName() + ")", cause);
        this.uncertain = uncertain;
    }

    /** The reservation this failure may have left held, when it came from a reservation's write. */
    public Optional<UncertainReservation> uncertain() {
        return Optional.ofNullable(uncertain);
    }
}
