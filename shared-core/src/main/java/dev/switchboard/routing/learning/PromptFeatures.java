package dev.switchboard.routing.learning;

import java.util.List;

/**
 * The features a difficulty learner sees: a prompt's shape (length in several forms, quantities,
 * sentences, question and answer-option structure), never its topic words, which overfit to the
 * subjects trained on. They are counted in one pass over the characters ({@link FeatureTally}) into a
 * caller's array: no substrings, sets or regular expressions, because it runs on the request path.
 * The router's prompt scan takes the same counts in its own pass ({@link FeatureVector}).
 */
public final class PromptFeatures {

    public static final List<String> NAMES = List.of(
            "log_chars", "log_words", "mean_word_length", "long_word_share", "number_share",
            "log_numbers", "log_quantities", "log_lines", "has_quote", "log_sentences",
            "has_options", "log_stem_chars", "log_option_chars", "option_share", "log_math_symbols",
            "log_money_percent", "log_question_marks", "capitalised_share", "log_words_per_sentence",
            "decimal_share", "log_parentheses", "emphasised_negation");

    public static final int COUNT = NAMES.size();

    /** Index of {@code log_chars}: the learner's length prior reads it. */
    public static final int LOG_CHARS = 0;

    /** Index of {@code has_options}: the learner keeps separate weights for multiple-choice prompts. */
    public static final int HAS_OPTIONS = 10;

    private PromptFeatures() {
    }

    /** Writes the {@link #COUNT} features of {@code prompt} into {@code into[0..COUNT)}. */
    public static void extract(String prompt, double[] into) {
        if (into.length < COUNT) {
            throw new IllegalArgumentException("need room for " + COUNT + " features, got " + into.length);
        }
        FeatureTally.readAll(prompt).writeTo(into);
    }
}
