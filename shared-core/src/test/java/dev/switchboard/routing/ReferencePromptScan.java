package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scan as it was before it read words without making Strings of them (a String and a map entry
 * per word): kept here, unchanged but for {@link #has}, as the reference the faster scan must agree with.
 */
final class ReferencePromptScan {

    private final String text;
    private final List<String> words = new ArrayList<>();
    private final List<Integer> starts = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final Map<String, List<Integer>> positions = new HashMap<>();
    private final int questions;
    private final boolean codeFence;
    private final boolean arithmetic;

    ReferencePromptScan(String prompt) {
        this.text = prompt;
        int questionMarks = 0;
        int i = 0;
        int n = prompt.length();
        while (i < n) {
            char c = prompt.charAt(i);
            if (c == '?') {
                questionMarks++;
            }
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            while (i < n && isWordChar(prompt.charAt(i))) {
                word.append(Character.toLowerCase(prompt.charAt(i)));
                i++;
            }
            if (word.length() == 1 && word.charAt(0) == 'c' && prompt.startsWith("++", i)) {
                word.append("++");
                i += 2;
            }
            add(word.toString(), start, i);
        }
        this.questions = questionMarks;
        this.codeFence = prompt.contains("```");
        this.arithmetic = hasArithmetic(prompt);
    }

    boolean has(ScanTerm term) {
        if (term instanceof ScanTerm.Word w) {
            return hasWord(w.text());
        } else if (term instanceof ScanTerm.Prefix p) {
            return hasWordStartingWith(p.start(), p.minLength());
        } else if (term instanceof ScanTerm.Phrase p) {
            return hasPhrase(p.words().toArray(String[]::new));
        } else if (term instanceof ScanTerm.Declaration d) {
            return hasDeclaration(d.keyword(), d.withParenthesis());
        } else if (term instanceof ScanTerm.WordThenWithin pair) {
            return hasWordThenWithin(pair.first(), pair.then(), pair.maxChars());
        }
        return term == ScanTerm.Shape.CODE_FENCE ? codeFence() : arithmetic();
    }

    private void add(String word, int start, int end) {
        positions.computeIfAbsent(word, w -> new ArrayList<>(2)).add(words.size());
        words.add(word);
        starts.add(start);
        ends.add(end);
    }

    boolean hasWord(String word) {
        return positions.containsKey(word);
    }

    /** A word that starts with {@code prefix} and is at least {@code minLength} long. */
    boolean hasWordStartingWith(String prefix, int minLength) {
        for (String word : positions.keySet()) {
            if (word.length() >= minLength && word.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The words in this order, one after the other. */
    boolean hasPhrase(String... phrase) {
        for (int at : positions.getOrDefault(phrase[0], List.of())) {
            if (at + phrase.length <= words.size() && matchesFrom(at, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** {@code first} followed by {@code then} starting at most {@code maxChars} characters later. */
    boolean hasWordThenWithin(String first, String then, int maxChars) {
        for (int at : positions.getOrDefault(first, List.of())) {
            int from = starts.get(at);
            for (int next = at + 1; next < words.size() && starts.get(next) - from <= maxChars + first.length(); next++) {
                if (words.get(next).equals(then)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code keyword}, one space, a name, and when asked an opening parenthesis: "def f(", "class Foo". */
    boolean hasDeclaration(String keyword, boolean withParenthesis) {
        for (int at : positions.getOrDefault(keyword, List.of())) {
            int after = starts.get(at) + keyword.length();
            if (after >= text.length() || text.charAt(after) != ' ' || at + 1 >= words.size()
                    || starts.get(at + 1) != after + 1) {
                continue;
            }
            int nameEnd = after + 1;
            while (nameEnd < text.length() && isWordChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (!withParenthesis || (nameEnd < text.length() && text.charAt(nameEnd) == '(')) {
                return true;
            }
        }
        return false;
    }

    int questions() {
        return questions;
    }

    boolean codeFence() {
        return codeFence;
    }

    /** Digits, an arithmetic operator, digits: "3 + 4", "2^10", "x=5" does not count. */
    boolean arithmetic() {
        return arithmetic;
    }

    private boolean matchesFrom(int at, String[] phrase) {
        for (int k = 1; k < phrase.length; k++) {
            if (!words.get(at + k).equals(phrase[k]) || !joined(at + k - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Word {@code k} and the next are separated by exactly one space or hyphen, as in a phrase. */
    private boolean joined(int k) {
        int gapStart = ends.get(k);
        if (starts.get(k + 1) != gapStart + 1) {
            return false;
        }
        char gap = text.charAt(gapStart);
        return gap == ' ' || gap == '-';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean hasArithmetic(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j < n && "-+*/^=".indexOf(s.charAt(j)) >= 0) {
                j++;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                if (j < n && Character.isDigit(s.charAt(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
