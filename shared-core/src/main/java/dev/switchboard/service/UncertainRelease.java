package dev.switchboard.service;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.state.UnsettledSettlement;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The release of a reservation whose write ended uncertain, repeated like a settlement (see
 * {@link SettlementRepeats}): in a brownout the first try mostly fails as the reservation's own write
 * did, and a release that is never tried again would hold the request's estimate against the month's
 * budget until the month ends. The release repeats the reservation's write with its token, so it is
 * exact only while the store remembers that token: the same nine minutes from its first sending.
 *
 * @param release the store's {@code releaseUncertain}
 */
public record UncertainRelease(Consumer<UncertainReservation> release, UncertainReservation uncertain)
        implements UnsettledSettlement {

    @Override
    public Instant firstSentAt() {
        return uncertain.at();
    }

    @Override
    public String subject() {
        return "the release of an uncertain reservation of " + uncertain.request().principal();
    }

    @Override
    public void repeat() {
        try {
            release.accept(uncertain);
        } catch (StateUnavailableException e) {
            if (e.unsettled().isPresent()) {
                throw e; // the reservation was found held and its reconcile to nothing failed: that is repeated
            }
            throw StateUnavailableException.ofSettlement(e.getMessage(), e, this);
        }
    }
}
