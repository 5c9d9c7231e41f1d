package dev.switchboard.routing;

import java.util.List;
import java.util.function.Predicate;

/**
 * One piece of evidence in a prompt, matched against a {@link PromptScan}: any of a set of words,
 * words with a given start, phrases, or a shape. Built with the small vocabulary below so that the
 * classifier and the scorer read like the lists they are.
 */
record KeywordRule(Predicate<PromptScan> test) {

    boolean matches(PromptScan scan) {
        return test.test(scan);
    }

    static KeywordRule words(String... words) {
        List<String> list = List.of(words);
        return new KeywordRule(scan -> {
            for (String word : list) {
                if (scan.hasWord(word)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A word starting with {@code prefix} and longer than it by at least {@code more} characters. */
    static KeywordRule prefix(String prefix, int more) {
        return new KeywordRule(scan -> scan.hasWordStartingWith(prefix, prefix.length() + more));
    }

    /** Each argument is one phrase, its words separated by spaces. */
    static KeywordRule phrases(String... phrases) {
        List<String[]> list = java.util.Arrays.stream(phrases).map(p -> p.split(" ")).toList();
        return new KeywordRule(scan -> {
            for (String[] phrase : list) {
                if (scan.hasPhrase(phrase)) {
                    return true;
                }
            }
            return false;
        });
    }

    static KeywordRule shape(Predicate<PromptScan> test) {
        return new KeywordRule(test);
    }

    KeywordRule or(KeywordRule other) {
        return new KeywordRule(test.or(other.test));
    }
}
