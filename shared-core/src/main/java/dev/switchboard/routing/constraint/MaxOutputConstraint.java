package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.util.Optional;

/**
 * A caller who asks for an answer of up to N tokens needs a model that can give that many: one whose
 * known longest answer is shorter would refuse the request (or cut it short), so it is left out. A
 * deployment whose longest answer is not known is not, nor any for a default budget the gateway fits
 * to each deployment.
 */
public final class MaxOutputConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        int asked = request.maxTokens();
        int most = candidate.capabilities().maxOutputTokens();
        return request.constraints().answerBudgetFitted() || most == 0 || asked <= most ? Optional.empty()
                : Optional.of("answers at most " + most + " tokens, fewer than the " + asked + " max_tokens asks for");
    }
}
