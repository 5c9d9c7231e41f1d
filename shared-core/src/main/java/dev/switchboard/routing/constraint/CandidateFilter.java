package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Exclusion;
import dev.switchboard.routing.RoutingRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies every constraint to every candidate. A candidate is left out for the first rule it fails
 * (in the order of {@link #STANDARD}), and that rule's reason is kept so the decision can show it.
 */
public final class CandidateFilter {

    /**
     * The key's models first (the admin's word), then the allow / deny lists (the caller's explicit word), then
     * capabilities, context, answer length, cost and SLA.
     */
    public static final CandidateFilter STANDARD = new CandidateFilter(List.of(new KeyModelsConstraint(),
            new ProviderListConstraint(), new CapabilityConstraint(), new ContextWindowConstraint(),
            new MaxOutputConstraint(), new CostBudgetConstraint(), new SlaConstraint()));

    private final List<CandidateConstraint> constraints;

    public CandidateFilter(List<CandidateConstraint> constraints) {
        this.constraints = List.copyOf(constraints);
    }

    public Admission admit(RoutingRequest request) {
        List<Candidate> admitted = new ArrayList<>(request.candidates().size());
        List<Exclusion> excluded = new ArrayList<>(0);
        for (Candidate candidate : request.candidates()) {
            Optional<String> violation = firstViolation(candidate, request);
            if (violation.isPresent()) {
                excluded.add(new Exclusion(candidate.label(), violation.get()));
            } else {
                admitted.add(candidate);
            }
        }
        return new Admission(admitted, excluded);
    }

    private Optional<String> firstViolation(Candidate candidate, RoutingRequest request) {
        for (CandidateConstraint constraint : constraints) {
            Optional<String> violation = constraint.violation(candidate, request);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }
}
