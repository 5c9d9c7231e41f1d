package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/** One rule a candidate must meet to answer a request. */
public interface CandidateConstraint {

    /** Why {@code candidate} cannot answer {@code request}, or empty when it can. */
    Optional<String> violation(Candidate candidate, RoutingRequest request);
}
