package dev.switchboard.routing;

import java.util.List;
import java.util.Locale;

/**
 * One thing a {@link PromptScan} can find in a prompt. Terms are values, so the same term used by two
 * rules is looked for once; every word in a term is lower case, as the scan folds the prompt.
 */
sealed interface ScanTerm {

    /** A whole word: a run of letters, digits and underscores, or "c++". */
    record Word(String text) implements ScanTerm {
        public Word {
            requireLowerCase(text);
        }
    }

    /** A word that starts with {@code start} and is at least {@code minLength} characters long. */
    record Prefix(String start, int minLength) implements ScanTerm {
        public Prefix {
            requireLowerCase(start);
            if (minLength < start.length()) {
                throw new IllegalArgumentException("minLength below the prefix's own length: " + start);
            }
        }
    }

    /** Words one after the other, each pair separated by exactly one space or hyphen. */
    record Phrase(List<String> words) implements ScanTerm {
        public Phrase {
            words = List.copyOf(words);
            if (words.size() < 2) {
                throw new IllegalArgumentException("a phrase has at least two words: " + words);
            }
            words.forEach(ScanTerm::requireLowerCase);
        }

        static Phrase of(String spaced) {
            return new Phrase(List.of(spaced.split(" ")));
        }
    }

    /** {@code keyword}, one space, a name, and when asked an opening parenthesis: "def f(", "class Foo". */
    record Declaration(String keyword, boolean withParenthesis) implements ScanTerm {
        public Declaration {
            requireLowerCase(keyword);
        }
    }

    /** {@code first}, then {@code then} starting at most {@code maxChars} characters after first's end. */
    record WordThenWithin(String first, String then, int maxChars) implements ScanTerm {
        public WordThenWithin {
            requireLowerCase(first);
            requireLowerCase(then);
        }
    }

    /** Shapes that are not words. */
    enum Shape implements ScanTerm {
        /** Three backticks. */
        CODE_FENCE,
        /** Digits, an arithmetic operator, digits: "3 + 4", "2^10"; "x=5" does not count. */
        ARITHMETIC
    }

    private static void requireLowerCase(String word) {
        if (word.isEmpty() || !word.equals(word.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("terms are non-empty and lower case: \"" + word + "\"");
        }
    }
}
