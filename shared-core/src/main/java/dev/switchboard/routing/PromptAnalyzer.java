package dev.switchboard.routing;

import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Classifies a prompt and scores its complexity, with the token count from the injected counter.
 * The keyword rules read only the first {@link #SCAN_CHARS} characters: what a prompt asks for shows
 * at its start, and a bound keeps the cost of one request's analysis small whatever its length. The same
 * pass takes the difficulty learner's features of a prompt within that bound; a longer one has none in
 * its analysis and the learner reads it itself.
 */
public final class PromptAnalyzer {

    public static final int SCAN_CHARS = 16_384;

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
        PromptScan scan = new PromptScan(prompt, SCAN_CHARS, PromptVocabulary.RULES, true);
        ComplexityScorer.Scored scored = scorer.score(scan, tokens);
        java.util.List<String> signals = new java.util.ArrayList<>(scored.signals());
        if (prompt.length() > SCAN_CHARS) {
            signals.add("scanned_first_" + SCAN_CHARS + "_chars");
        }
        return new PromptAnalysis(classifier.classify(scan), scored.complexity(), tokens, signals,
                scan.learnerFeatures());
    }
}
