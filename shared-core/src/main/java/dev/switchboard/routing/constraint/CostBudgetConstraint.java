package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The request's cost ceiling must cover the most the deployment could charge for it (prompt tokens
 * plus the whole answer budget). A deployment without a price cannot promise that, so it is left out.
 */
public final class CostBudgetConstraint implements CandidateConstraint {

    @Override
    public Optional<String> violation(Candidate candidate, RoutingRequest request) {
        Double budget = request.constraints().maxCostUsd();
        if (budget == null) {
            return Optional.empty();
        }
        if (!candidate.priced()) {
            return Optional.of("has no known price, so a cost budget of $" + usd(budget) + " cannot be guaranteed");
        }
        double most = request.costUpperBound(candidate);
        return most <= budget ? Optional.empty()
                : Optional.of("may cost up to $" + usd(most) + ", over the request's budget of $" + usd(budget));
    }

    private static String usd(double amount) {
        return BigDecimal.valueOf(amount).stripTrailingZeros().toPlainString();
    }
}
