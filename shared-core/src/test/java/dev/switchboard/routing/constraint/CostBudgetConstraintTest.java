package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.RoutingFixtures.unpriced;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CostBudgetConstraintTest {

    /** 100 prompt tokens at $1e-6 plus 1000 answer tokens at $2e-6: at most $0.0021. */
    private static final Candidate PRICED = candidate("openai", "gpt-4o-mini", Tier.ECONOMY, 1e-6, 2e-6);
    private static final double MOST = 0.0021;
    private static final Candidate UNPRICED = unpriced("local/llama", Tier.ECONOMY);
    private static final Candidate FREE = candidate("local", "free", Tier.ECONOMY, 0, 0);

    private final CostBudgetConstraint constraint = new CostBudgetConstraint();

    private Optional<String> violation(Candidate candidate, Double budget) {
        RoutingRequest request = budget == null ? requestFor(candidate).build()
                : requestFor(candidate).constraints(constraints().maxCost(budget)).build();
        return constraint.violation(candidate, request);
    }

    @Test
    void theUpperBoundIsPromptTokensPlusTheWholeAnswerBudget() {
        assertEquals(MOST, requestFor(PRICED).build().costUpperBound(PRICED));
    }

    @Test
    void withoutABudgetEveryCandidatePassesEvenAnUnpricedOne() {
        assertEquals(Optional.empty(), violation(PRICED, null));
        assertEquals(Optional.empty(), violation(UNPRICED, null));
    }

    @Test
    void aBudgetCoveringTheUpperBoundExactlyPasses() {
        assertEquals(Optional.empty(), violation(PRICED, MOST));
        assertEquals(Optional.empty(), violation(PRICED, 1.0));
    }

    @Test
    void aBudgetBelowTheUpperBoundIsRefusedWithBothAmountsInPlainDollars() {
        assertEquals(Optional.of("may cost up to $0.0021, over the request's budget of $0.002"),
                violation(PRICED, 0.002));
        assertEquals(Optional.of("may cost up to $0.0021, over the request's budget of $0.0000001"),
                violation(PRICED, 1e-7));
    }

    @Test
    void anUnpricedCandidateCannotPromiseABudgetAndIsExcluded() {
        assertEquals(Optional.of("has no known price, so a cost budget of $0.5 cannot be guaranteed"),
                violation(UNPRICED, 0.5));
        assertEquals(Optional.of("has no known price, so a cost budget of $1 cannot be guaranteed"),
                violation(UNPRICED, 1.0));
    }

    @Test
    void aZeroBudgetTakesOnlyAPricedFreeDeployment() {
        assertEquals(Optional.empty(), violation(FREE, 0.0));
        assertEquals(Optional.of("may cost up to $0.0021, over the request's budget of $0"), violation(PRICED, 0.0));
        assertEquals(Optional.of("has no known price, so a cost budget of $0 cannot be guaranteed"),
                violation(UNPRICED, 0.0));
    }
}
