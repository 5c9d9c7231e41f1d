package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingFixtures.RequestBuilder;
import dev.switchboard.routing.Tier;
import dev.switchboard.routing.scoring.ScoringFixtures.Signals;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaConstraintTest {

    private static final Candidate CANDIDATE = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);

    private final SlaConstraint constraint = new SlaConstraint();

    private Optional<String> violation(Long targetMs, Signals measured) {
        RequestBuilder request = requestFor(CANDIDATE).signals(CANDIDATE, measured);
        if (targetMs != null) {
            request.constraints(constraints().sla(targetMs));
        }
        return constraint.violation(CANDIDATE, request.build());
    }

    @Test
    void withoutATargetEvenASlowDeploymentPasses() {
        assertEquals(Optional.empty(), violation(null, signals().p95(60_000)));
    }

    @Test
    void aDeploymentWithNoP95MeasuredYetStays() {
        assertEquals(Optional.empty(), violation(1L, signals()));
        assertEquals(Optional.empty(), violation(1L, signals().p50(5_000).ema(5_000)),
                "only the p95 is judged against the target");
    }

    @Test
    void aDeploymentWhoseRecentCallsAllFailedIsLeftOutUnderATarget() {
        assertTrue(violation(1000L, signals().success(0.0)).orElseThrow().contains("no recent call answered"));
        assertEquals(Optional.empty(), violation(null, signals().success(0.0)), "no target, no constraint");
    }

    @Test
    void aCandidateWithoutAnySignalsCountsAsUnmeasuredAndStays() {
        assertEquals(Optional.empty(), constraint.violation(CANDIDATE,
                requestFor(CANDIDATE).constraints(constraints().sla(1)).build()));
    }

    @Test
    void aP95AtOrUnderTheTargetPasses() {
        assertEquals(Optional.empty(), violation(1000L, signals().p95(1000)));
        assertEquals(Optional.empty(), violation(1000L, signals().p95(999.9)));
    }

    @Test
    void aP95OverTheTargetIsRefusedWithBothFiguresInWholeMilliseconds() {
        assertEquals(Optional.of("p95 latency of 1200 ms is over the SLA target of 1000 ms"),
                violation(1000L, signals().p95(1200)));
        assertEquals(Optional.of("p95 latency of 1201 ms is over the SLA target of 1000 ms"),
                violation(1000L, signals().p95(1200.5)));
    }

    @Test
    void aP95JustOverTheTargetIsNotReportedAsEqualToIt() {
        Optional<String> violation = violation(1000L, signals().p95(1000.4));

        assertTrue(violation.isPresent(), "1000.4 ms is over a 1000 ms target");
        assertTrue(!violation.get().startsWith("p95 latency of 1000 ms "), violation.get());
    }
}
