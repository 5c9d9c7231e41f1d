package dev.switchboard.state;

import java.util.Objects;

/** The answer to a reservation: admitted with what to reconcile later, or refused with the reason. */
public sealed interface Admission {

    record Admitted(Reservation reservation) implements Admission {
        public Admitted {
            Objects.requireNonNull(reservation, "reservation");
        }
    }

    record Refused(Refusal refusal) implements Admission {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
