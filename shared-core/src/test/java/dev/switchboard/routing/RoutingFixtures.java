package dev.switchboard.routing;

import java.util.Arrays;
import java.util.List;

/** Test data for routing: candidates, analyses and requests, with only the values a test cares about. */
final class RoutingFixtures {

    static final int PROMPT_TOKENS = 100;
    static final int MAX_TOKENS = 1000;
    static final String PROMPT = "a prompt under test";

    private RoutingFixtures() {
    }

    /** A priced candidate; prices are USD per token. */
    static Candidate candidate(String provider, String model, Tier tier, double input, double output) {
        return new Candidate(provider, model, tier, input, output, true);
    }

    /** A candidate whose input and output price are both {@code unitPrice / 2}, for tests that rank by price. */
    static Candidate candidate(String label, Tier tier, double unitPrice) {
        String[] parts = label.split("/", 2);
        return candidate(parts[0], parts[1], tier, unitPrice / 2, unitPrice / 2);
    }

    static PromptAnalysis analysis(double complexity) {
        return new PromptAnalysis(PromptPattern.GENERAL, complexity, PROMPT_TOKENS, List.of("test"));
    }

    static RoutingRequest request(double complexity, Candidate... candidates) {
        return new RoutingRequest(PROMPT, analysis(complexity), MAX_TOKENS, Arrays.asList(candidates));
    }

    static List<String> labels(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::label).toList();
    }
}
