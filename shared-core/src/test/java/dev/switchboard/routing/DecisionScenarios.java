package dev.switchboard.routing;

import dev.switchboard.routing.constraint.RequestConstraints;
import dev.switchboard.routing.scoring.DeploymentSignals;
import dev.switchboard.routing.scoring.LatencyClass;
import dev.switchboard.routing.scoring.ProviderScore;
import dev.switchboard.routing.scoring.ProviderScorer;
import dev.switchboard.routing.scoring.ScoringConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Whole routing decisions, prompt to scores, on requests built at random (fixed seed): offers of one
 * to ten candidates with ties, unpriced ones and open circuits, constraints, latency classes, and a
 * scripted learner that is sure, unsure, short of outcomes or failing. Each decision is rendered with
 * everything it carries, so a digest of the rendering changes when any part of any decision does.
 * Only API that also existed before the decision path was tuned is used, so the same scenarios could
 * be rendered by that code to record {@code decisions-golden.txt}.
 */
final class DecisionScenarios {

    static final int SCENARIOS = 300;

    private static final List<String> WORDS = List.of("compare", "design", "scaling", "debug", "prove", "explain",
            "why", "step", "by", "first", "then", "python", "def", "f(x)", "class", "Foo", "```", "3 + 4", "error",
            "tradeoffs", "trade-offs", "pros and cons", "write", "essay", "summarize", "integral", "matrix", "must",
            "at least", "what", "is", "the", "of", "a", "order", "service", "?", "Analyze", "implications",
            "architecture", "optimize", "root cause", "stack trace", "c++", "sql", "equation", "2^10");

    private DecisionScenarios() {
    }

    /** One line per decision: "scenario strategy digest", in a fixed order. */
    static List<String> digests() {
        List<String> lines = new ArrayList<>();
        for (Rendered r : renderAll()) {
            lines.add(r.key() + " " + digest(r.text()));
        }
        return lines;
    }

    record Rendered(String key, String text) {
    }

    static List<Rendered> renderAll() {
        Random random = new Random(20_250_611L);
        PromptAnalyzer analyzer = new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(),
                p -> p.length() / 4 + 1);
        List<Rendered> out = new ArrayList<>();
        for (int n = 0; n < SCENARIOS; n++) {
            String prompt = prompt(random, n);
            ScriptedLearner learner = new ScriptedLearner();
            switch (random.nextInt(5)) {
                case 0 -> learner.answer(prompt, random.nextDouble(), 40 + random.nextInt(200), random.nextDouble());
                case 1 -> learner.failWith(new IllegalStateException("scripted"));
                case 2 -> {
                }
                default -> learner.answer(prompt, random.nextDouble(), 60 + random.nextInt(200),
                        0.3 + 0.7 * random.nextDouble());
            }
            long seed = random.nextLong();
            RoutingEngine engine = StandardStrategies.engine(ComplexityThresholds.DEFAULTS,
                    random.nextInt(6) == 0 ? null : learner, LearningSettings.DEFAULTS,
                    new SplittableRandom(seed)::nextDouble, new ProviderScorer(ScoringConfig.DEFAULTS));
            RoutingRequest request = request(random, prompt, analyzer.analyze(prompt));
            List<String> names = engine.strategyNames();
            List<String> asked = List.of(ComplexityStrategy.NAME, HybridStrategy.NAME,
                    names.get(random.nextInt(names.size())));
            for (String name : asked) {
                out.add(new Rendered(n + " " + name, decide(engine, request, name)));
            }
        }
        return out;
    }

    private static String prompt(Random random, int n) {
        if (n == 0) {
            return "What is Python?";
        }
        if (n == 1) {
            return "Compare the trade-offs of event sourcing and CRUD for an order service. ".repeat(40)
                    + "Analyze the implications for scaling, consistency and operations, and justify a design.";
        }
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(8) == 0 ? 400 + random.nextInt(400) : 1 + random.nextInt(40);
        for (int k = 0; k < words; k++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            text.append(random.nextInt(4) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word);
            text.append(random.nextInt(6) == 0 ? "\n" : " ");
        }
        return text.toString();
    }

    private static RoutingRequest request(Random random, String prompt, PromptAnalysis analysis) {
        Tier[] tiers = Tier.values();
        int count = 1 + random.nextInt(10);
        List<Candidate> offer = new ArrayList<>();
        Map<String, DeploymentSignals> signals = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Tier tier = tiers[random.nextInt(tiers.length)];
            boolean priced = random.nextInt(6) != 0;
            // Few distinct prices, so that ties fall to the label.
            double price = priced ? (1 + random.nextInt(3)) * Math.pow(10, tier.ordinal() - 7) : 0;
            Capabilities capabilities = new Capabilities(random.nextInt(5) == 0 ? 1500 : 8192, random.nextBoolean(),
                    random.nextBoolean(), random.nextInt(5) != 0);
            Candidate candidate = new Candidate("p" + random.nextInt(4), "m" + i, tier, price, price * 3, priced,
                    capabilities, 1 + random.nextInt(3));
            offer.add(candidate);
            if (random.nextInt(3) != 0) {
                signals.put(candidate.label(), new DeploymentSignals(random.nextInt(4) == 0,
                        random.nextBoolean() ? null : random.nextDouble(),
                        random.nextBoolean() ? null : 100.0 + random.nextInt(3000),
                        random.nextBoolean() ? null : 200.0 + random.nextInt(6000), random.nextInt(11),
                        random.nextInt(5), random.nextBoolean() ? null : 50.0 + random.nextInt(2000),
                        random.nextBoolean() ? null : random.nextInt(20)));
            }
        }
        RequestConstraints constraints = random.nextInt(3) != 0 ? RequestConstraints.NONE
                : new RequestConstraints(random.nextInt(4) == 0, random.nextInt(6) == 0, random.nextInt(6) == 0,
                random.nextInt(3) == 0 ? random.nextDouble() * 0.01 : null,
                random.nextInt(3) == 0 ? 500L + random.nextInt(4000) : null,
                random.nextInt(5) == 0 ? Set.of("p" + random.nextInt(4)) : Set.of(),
                random.nextInt(5) == 0 ? Set.of("p" + random.nextInt(4) + "/m" + random.nextInt(10)) : Set.of());
        LatencyClass latency = LatencyClass.values()[random.nextInt(LatencyClass.values().length)];
        return new RoutingRequest(prompt, analysis, 1 + random.nextInt(4000), offer, latency, signals, constraints);
    }

    private static String decide(RoutingEngine engine, RoutingRequest request, String name) {
        RoutingDecision d;
        try {
            d = engine.decide(request, name);
        } catch (NoCandidatesException e) {
            return "no candidates: " + e.getMessage();
        }
        StringBuilder text = new StringBuilder();
        text.append(d.strategyUsed()).append('|').append(d.confidence()).append('|').append(d.chosen())
                .append('|').append(d.fallbacks()).append('|').append(d.costEstimate()).append('|')
                .append(d.reasoning()).append('|').append(d.analysis()).append('|');
        for (Map.Entry<String, ProviderScore> score : d.scores().entrySet()) {
            text.append(score.getKey()).append('=').append(score.getValue()).append(';');
        }
        text.append('|').append(d.excluded());
        // Capabilities gained the longest answer, JSON output, PDF files, a reasoning effort and audio after the recording; these scenarios
        // use none of them, so they are left out of the rendering and the recorded digests still hold.
        return text.toString().replace(", maxOutputTokens=0, json=false, pdf=false, reasoning=false, audio=false]", "]");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
