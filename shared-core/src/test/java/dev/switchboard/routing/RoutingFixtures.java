package dev.switchboard.routing;

import dev.switchboard.routing.constraint.RequestConstraints;
import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.routing.scoring.LatencyClass;
import dev.switchboard.routing.scoring.ScoringFixtures;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test data for routing: candidates, analyses, constraints and requests, with only the values a test
 * cares about. Public so that the tests of routing's sub-packages (constraint, balancing) share it.
 */
public final class RoutingFixtures {

    public static final int PROMPT_TOKENS = 100;
    public static final int MAX_TOKENS = 1000;
    public static final String PROMPT = "a prompt under test";

    private RoutingFixtures() {
    }

    /** A priced candidate; prices are USD per token. */
    public static Candidate candidate(String provider, String model, Tier tier, double input, double output) {
        return new Candidate(provider, model, tier, input, output, true);
    }

    /** A candidate whose input and output price are both {@code unitPrice / 2}, for tests that rank by price. */
    public static Candidate candidate(String label, Tier tier, double unitPrice) {
        String[] parts = label.split("/", 2);
        return candidate(parts[0], parts[1], tier, unitPrice / 2, unitPrice / 2);
    }

    /** An economy candidate of the given unit price: for tests where the tier does not matter. */
    public static Candidate candidate(String label, double unitPrice) {
        return candidate(label, Tier.ECONOMY, unitPrice);
    }

    /** A candidate the price table does not know. */
    public static Candidate unpriced(String label, Tier tier) {
        String[] parts = label.split("/", 2);
        return new Candidate(parts[0], parts[1], tier, 0, 0, false);
    }

    /** The same candidate with other capabilities. */
    public static Candidate with(Candidate c, Capabilities capabilities) {
        return new Candidate(c.provider(), c.model(), c.tier(), c.inputCostPerToken(), c.outputCostPerToken(),
                c.priced(), capabilities, c.weight());
    }

    /** The same candidate with another weight. */
    public static Candidate weighted(Candidate c, int weight) {
        return new Candidate(c.provider(), c.model(), c.tier(), c.inputCostPerToken(), c.outputCostPerToken(),
                c.priced(), c.capabilities(), weight);
    }

    /** The default capabilities with another context window. */
    public static Capabilities contextOf(int tokens) {
        Capabilities d = Capabilities.DEFAULTS;
        return new Capabilities(tokens, d.tools(), d.vision(), d.streaming());
    }

    public static PromptAnalysis analysis(double complexity) {
        return analysis(complexity, PROMPT_TOKENS);
    }

    public static PromptAnalysis analysis(double complexity, int promptTokens) {
        return new PromptAnalysis(PromptPattern.GENERAL, complexity, promptTokens, List.of("test"));
    }

    public static RoutingRequest request(double complexity, Candidate... candidates) {
        return new RoutingRequest(PROMPT, analysis(complexity), MAX_TOKENS, Arrays.asList(candidates));
    }

    public static List<String> labels(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::label).toList();
    }

    /** A request builder offering {@code candidates}, starting from the values of {@link #request}. */
    public static RequestBuilder requestFor(Candidate... candidates) {
        return new RequestBuilder(Arrays.asList(candidates));
    }

    /** A constraints builder starting from {@link RequestConstraints#NONE}. */
    public static ConstraintsBuilder constraints() {
        return new ConstraintsBuilder();
    }

    /** Fluent {@link RoutingRequest}: complexity 0.1, {@link #PROMPT_TOKENS}, {@link #MAX_TOKENS}, nothing else. */
    public static final class RequestBuilder {
        private final List<Candidate> candidates;
        private final Map<String, DeploymentSignals> signals = new HashMap<>();
        private String prompt = PROMPT;
        private double complexity = 0.1;
        private int promptTokens = PROMPT_TOKENS;
        private int maxTokens = MAX_TOKENS;
        private LatencyClass latencyClass = LatencyClass.MEDIUM;
        private RequestConstraints constraints = RequestConstraints.NONE;

        private RequestBuilder(List<Candidate> candidates) {
            this.candidates = candidates;
        }

        public RequestBuilder prompt(String value) {
            prompt = value;
            return this;
        }

        public RequestBuilder complexity(double value) {
            complexity = value;
            return this;
        }

        public RequestBuilder promptTokens(int value) {
            promptTokens = value;
            return this;
        }

        public RequestBuilder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public RequestBuilder signals(Candidate candidate, ScoringFixtures.Signals value) {
            signals.put(candidate.label(), value.build());
            return this;
        }

        public RequestBuilder constraints(ConstraintsBuilder value) {
            constraints = value.build();
            return this;
        }

        public RoutingRequest build() {
            return new RoutingRequest(prompt, analysis(complexity, promptTokens), maxTokens, candidates, latencyClass,
                    signals, constraints);
        }
    }

    /** Fluent {@link RequestConstraints}. */
    public static final class ConstraintsBuilder {
        private final Set<String> allow = new HashSet<>();
        private final Set<String> deny = new HashSet<>();
        private final Set<String> keyModels = new HashSet<>();
        private final Set<Capability> needs = EnumSet.noneOf(Capability.class);
        private Double maxCostUsd;
        private Long slaTargetMs;

        private ConstraintsBuilder() {
        }

        private ConstraintsBuilder needing(Capability capability) {
            needs.add(capability);
            return this;
        }

        public ConstraintsBuilder tools() {
            return needing(Capability.TOOLS);
        }

        public ConstraintsBuilder vision() {
            return needing(Capability.VISION);
        }

        public ConstraintsBuilder streaming() {
            return needing(Capability.STREAMING);
        }

        public ConstraintsBuilder pdf() {
            return needing(Capability.PDF);
        }

        public ConstraintsBuilder reasoning() {
            return needing(Capability.REASONING);
        }

        public ConstraintsBuilder json() {
            return needing(Capability.JSON);
        }

        public ConstraintsBuilder maxCost(double usd) {
            maxCostUsd = usd;
            return this;
        }

        public ConstraintsBuilder sla(long ms) {
            slaTargetMs = ms;
            return this;
        }

        public ConstraintsBuilder allow(String... entries) {
            allow.addAll(Arrays.asList(entries));
            return this;
        }

        public ConstraintsBuilder deny(String... entries) {
            deny.addAll(Arrays.asList(entries));
            return this;
        }

        /** The models the caller's key may use. */
        public ConstraintsBuilder keyModels(String... entries) {
            keyModels.addAll(Arrays.asList(entries));
            return this;
        }

        public RequestConstraints build() {
            return new RequestConstraints(needs, maxCostUsd, slaTargetMs, allow, deny, false, keyModels);
        }
    }
}
