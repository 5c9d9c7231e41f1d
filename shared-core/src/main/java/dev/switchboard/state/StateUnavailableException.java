package dev.switchboard.state;

import java.util.Optional;

/**
 * The shared state store could not be reached or refused the call. The message names the failure's
 * kind (e.g. a timeout or a throttle) for the operators' logs; it never carries item contents. A
 * reservation that may have been written before the failure comes with it, to be released; so does a
 * settlement that is still to be written, to be repeated.
 */
public final class StateUnavailableException extends RuntimeException {

    private final transient UncertainReservation uncertain;
    private final transient UnsettledSettlement unsettled;

    public StateUnavailableException(String message, Throwable cause) {
        this(message, cause, null, null);
    }

    public StateUnavailableException(String message, Throwable cause, UncertainReservation uncertain) {
        this(message, cause, uncertain, null);
    }

    private StateUnavailableException(String message, Throwable cause, UncertainReservation uncertain,
                                      UnsettledSettlement unsettled) {
        super(cause == null ? message : message + " (" + cause.getClass().getSimpleName() + ")", cause);
        this.uncertain = uncertain;
        this.unsettled = unsettled;
    }

    /** A settlement's write failed: {@code unsettled} repeats it. */
    public static StateUnavailableException ofSettlement(String message, Throwable cause, UnsettledSettlement unsettled) {
        return new StateUnavailableException(message, cause, null, unsettled);
    }

    /** The reservation this failure may have left held, when it came from a reservation's write. */
    public Optional<UncertainReservation> uncertain() {
        return Optional.ofNullable(uncertain);
    }

    /** The settlement still to be written, when this failure came from a settlement's write. */
    public Optional<UnsettledSettlement> unsettled() {
        return Optional.ofNullable(unsettled);
    }
}
