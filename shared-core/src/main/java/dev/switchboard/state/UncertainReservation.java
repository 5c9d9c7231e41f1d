package dev.switchboard.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A reservation whose write failed without saying whether it landed (the call timed out after the
 * store may have committed it). Whoever made it hands it to {@link AdmissionStore#releaseUncertain},
 * which gives back whatever it holds, so that a brownout does not leave budgets held for nothing.
 *
 * @param request what was asked
 * @param at      the instant the reservation was made for (its windows and periods)
 * @param token   the write's idempotency token, which lets the store repeat it exactly
 */
public record UncertainReservation(AdmissionRequest request, Instant at, String token) {

    public UncertainReservation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(token, "token");
    }
}
