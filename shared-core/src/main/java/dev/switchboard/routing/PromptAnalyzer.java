package dev.switchboard.routing;

import java.util.Objects;
import java.util.function.ToIntFunction;

/** Classifies a prompt and scores its complexity, with the token count from the injected counter. */
public final class PromptAnalyzer {

    private final PromptClassifier classifier;
    private final ComplexityScorer scorer;
    private final ToIntFunction<String> tokenCounter;

    public PromptAnalyzer(PromptClassifier classifier, ComplexityScorer scorer, ToIntFunction<String> tokenCounter) {
        this.classifier = Objects.requireNonNull(classifier);
        this.scorer = Objects.requireNonNull(scorer);
        this.tokenCounter = Objects.requireNonNull(tokenCounter);
    }

    public PromptAnalysis analyze(String prompt) {
        int tokens = tokenCounter.applyAsInt(prompt);
        ComplexityScorer.Scored scored = scorer.score(prompt, tokens);
        return new PromptAnalysis(classifier.classify(prompt), scored.complexity(), tokens, scored.signals());
    }
}
