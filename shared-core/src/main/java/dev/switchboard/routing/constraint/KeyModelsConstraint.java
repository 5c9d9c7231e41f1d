package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/**
 * The models the caller's key may use, as the admin set them when creating it; an entry names a provider, a
 * model, or "provider/model". Checked before the request's own lists: a request cannot widen its key.
 */
public final class KeyModelsConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        RequestConstraints constraints = request.constraints();
        if (!constraints.keyModels().isEmpty() && !candidate.namedBy(constraints.keyModels(), request.candidates())) {
            return Optional.of("is not among the models the caller's key may use");
        }
        return Optional.empty();
    }
}
