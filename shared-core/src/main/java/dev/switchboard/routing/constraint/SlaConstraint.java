package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.scoring.DeploymentSignals;

import java.util.Optional;

/**
 * A deployment whose measured p95 latency is over the request's SLA target is left out, and so is one
 * whose recent calls all failed. One with no measurement yet stays in: it is not punished for being new,
 * and the scorer treats it as neutral.
 */
public final class SlaConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        Long target = request.constraints().slaTargetMs();
        if (target == null) {
            // Most requests set no target: then the candidate's signals need not be looked up at all.
            return Optional.empty();
        }
        DeploymentSignals signals = request.signalsOf(candidate);
        Double p95 = signals.p95LatencyMs();
        if (p95 == null) {
            // Called lately but never answered: not new, and nothing shows it can meet the target.
            return signals.successRate() != null && signals.successRate() == 0
                    ? Optional.of("no recent call answered, so no latency shows it can meet the SLA target of "
                            + target + " ms")
                    : Optional.empty();
        }
        if (p95 <= target) {
            return Optional.empty();
        }
        // Rounded up, so that a p95 just over the target never reads as equal to it.
        return Optional.of("p95 latency of " + (long) Math.ceil(p95) + " ms is over the SLA target of " + target
                + " ms");
    }
}
