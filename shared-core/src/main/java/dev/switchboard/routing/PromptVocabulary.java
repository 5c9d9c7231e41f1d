package dev.switchboard.routing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The terms of every rule the analyzer runs, classifier and scorer together, so that one scan of a
 * prompt serves both. Rules are plain data; the classifier and the scorer compile them against this
 * vocabulary when constructed, not when their classes load, which keeps class initialisation free of cycles.
 */
final class PromptVocabulary {

    static final ScanVocabulary RULES = new ScanVocabulary(
            Stream.concat(PromptClassifier.rules().stream(), ComplexityScorer.rules().stream())
                    .flatMap(rule -> rule.terms().stream())
                    .toList());

    private PromptVocabulary() {
    }
}
