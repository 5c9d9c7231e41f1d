package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/** The request's allow and deny lists; an entry names a provider, a model, or "provider/model". */
public final class ProviderListConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        RequestConstraints constraints = request.constraints();
        if (candidate.namedBy(constraints.deny(), request.candidates())) {
            return Optional.of("is on the request's deny list");
        }
        if (!constraints.allow().isEmpty() && !candidate.namedBy(constraints.allow(), request.candidates())) {
            return Optional.of("is not on the request's allow list");
        }
        return Optional.empty();
    }
}
