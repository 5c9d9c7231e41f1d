package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/** The prompt plus the answer budget (the least answer, for a budget fitted to each deployment) must fit the window. */
public final class ContextWindowConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        int needed = request.tokensNeeded(candidate);
        int window = candidate.capabilities().contextLength();
        return window >= needed ? Optional.empty()
                : Optional.of("context window of " + window + " tokens is smaller than the " + needed
                + " this request needs (" + (request.constraints().answerBudgetFitted()
                ? "prompt and the least answer" : "prompt plus max_tokens") + ")");
    }
}
