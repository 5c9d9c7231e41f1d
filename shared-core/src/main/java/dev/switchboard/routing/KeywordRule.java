package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One piece of evidence in a prompt: it holds when a {@link PromptScan} found any of its terms. Built
 * with the small vocabulary below so that the classifier and the scorer read like the lists they are;
 * the terms are data, so one scan can look for every rule's terms in a single pass.
 */
record KeywordRule(List<ScanTerm> terms) {

    KeywordRule {
        terms = List.copyOf(terms);
    }

    static KeywordRule words(String... words) {
        return new KeywordRule(Arrays.stream(words).<ScanTerm>map(ScanTerm.Word::new).toList());
    }

    /** A word starting with {@code prefix} and longer than it by at least {@code more} characters. */
    static KeywordRule prefix(String prefix, int more) {
        return new KeywordRule(List.of(new ScanTerm.Prefix(prefix, prefix.length() + more)));
    }

    /** Each argument is one phrase, its words separated by spaces. */
    static KeywordRule phrases(String... phrases) {
        return new KeywordRule(Arrays.stream(phrases).<ScanTerm>map(ScanTerm.Phrase::of).toList());
    }

    static KeywordRule shape(ScanTerm.Shape shape) {
        return new KeywordRule(List.of(shape));
    }

    /** {@code keyword}, one space, a name, and when asked an opening parenthesis: "def f(", "class Foo". */
    static KeywordRule declaration(String keyword, boolean withParenthesis) {
        return new KeywordRule(List.of(new ScanTerm.Declaration(keyword, withParenthesis)));
    }

    /** {@code first}, then {@code then} starting at most {@code maxChars} characters after first's end. */
    static KeywordRule wordThenWithin(String first, String then, int maxChars) {
        return new KeywordRule(List.of(new ScanTerm.WordThenWithin(first, then, maxChars)));
    }

    KeywordRule or(KeywordRule other) {
        List<ScanTerm> both = new ArrayList<>(terms);
        both.addAll(other.terms);
        return new KeywordRule(both);
    }
}
