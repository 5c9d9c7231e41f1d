package dev.switchboard.service;

import dev.switchboard.resilience.Attempt;
import dev.switchboard.resilience.CallGate;
import dev.switchboard.routing.Candidate;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The provider's share of a request's time: the chain's time less the admission's work inside it. */
class UpstreamTimeTest {

    private final MutableClock clock = new MutableClock();
    /** An admission whose every reservation takes 7 ms and every release 3 ms. */
    private final CallGate slowAdmission = new CallGate() {
        @Override
        public Optional<String> enter(Candidate candidate) {
            clock.advance(Duration.ofMillis(7));
            return Optional.empty();
        }

        @Override
        public void failed(Candidate candidate, Attempt attempt) {
            clock.advance(Duration.ofMillis(3));
        }
    };

    @Test
    void theAdmissionsTimeInsideTheChainIsNotTheProvidersAndNothingBeforeTheChainIs() {
        UpstreamTime upstream = new UpstreamTime(slowAdmission, clock);
        assertEquals(0, upstream.upstreamMs(), "before the chain starts");

        upstream.started();
        upstream.enter(null);
        clock.advance(Duration.ofMillis(100));
        upstream.failed(null, null);
        upstream.enter(null);
        clock.advance(Duration.ofMillis(40));
        assertEquals(140, upstream.upstreamMs(), "so far, while the chain runs");
        upstream.ended();
        clock.advance(Duration.ofMillis(500));

        assertEquals(140, upstream.upstreamMs(), "what follows the chain is the gateway's");
    }
}
