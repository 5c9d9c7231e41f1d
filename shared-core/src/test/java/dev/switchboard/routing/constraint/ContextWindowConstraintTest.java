package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.MAX_TOKENS;
import static dev.switchboard.routing.RoutingFixtures.PROMPT_TOKENS;
import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.contextOf;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.RoutingFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextWindowConstraintTest {

    private static final int NEEDED = PROMPT_TOKENS + MAX_TOKENS;

    private final ContextWindowConstraint constraint = new ContextWindowConstraint();

    private static Candidate withWindow(int tokens) {
        return with(candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5), contextOf(tokens));
    }

    private Optional<String> violation(int window, RoutingRequest request) {
        return constraint.violation(withWindow(window), request);
    }

    private Optional<String> violation(int window) {
        return violation(window, requestFor(withWindow(window)).build());
    }

    @Test
    void aWindowExactlyAsLargeAsPromptPlusMaxTokensFits() {
        assertEquals(Optional.empty(), violation(NEEDED));
        assertEquals(Optional.empty(), violation(NEEDED + 1));
    }

    @Test
    void aWindowOneTokenShortIsRefusedSayingWhatIsNeeded() {
        assertEquals(Optional.of("context window of " + (NEEDED - 1) + " tokens is smaller than the " + NEEDED
                + " this request needs (prompt plus max_tokens)"), violation(NEEDED - 1));
    }

    @Test
    void countsTheAnswerBudgetNotOnlyThePrompt() {
        RoutingRequest longAnswer = requestFor().promptTokens(10).maxTokens(8190).build();

        assertEquals(Optional.empty(), violation(8200, longAnswer));
        assertEquals(Optional.of("context window of 8192 tokens is smaller than the 8200 this request needs"
                + " (prompt plus max_tokens)"), violation(8192, longAnswer));
    }

    @Test
    void aNeedBeyondIntRangeSaturatesInsteadOfOverflowingIntoAFit() {
        RoutingRequest huge = requestFor().promptTokens(Integer.MAX_VALUE).maxTokens(Integer.MAX_VALUE).build();

        assertEquals(Integer.MAX_VALUE, huge.tokensNeeded());
        assertEquals(Optional.of("context window of 8192 tokens is smaller than the " + Integer.MAX_VALUE
                + " this request needs (prompt plus max_tokens)"), violation(8192, huge));
    }
}
