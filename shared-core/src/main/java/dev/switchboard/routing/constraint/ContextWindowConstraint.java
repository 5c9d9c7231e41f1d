package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/** The prompt plus the answer budget must fit the deployment's context window. */
public final class ContextWindowConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        int needed = request.tokensNeeded();
        int window = candidate.capabilities().contextLength();
        return window >= needed ? Optional.empty()
                : Optional.of("context window of " + window + " tokens is smaller than the " + needed
                + " this request needs (prompt plus max_tokens)");
    }
}
