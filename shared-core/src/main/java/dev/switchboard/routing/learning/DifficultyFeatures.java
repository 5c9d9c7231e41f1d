package dev.switchboard.routing.learning;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The prompt features the difficulty model learns from. They describe a prompt's shape (length,
 * vocabulary, share of numbers, layout), not its topic, so that what is learned on some subjects
 * carries over to subjects never seen: topic words overfit (measured on RouteLLM's MMLU split).
 */
public final class DifficultyFeatures {

    public static final List<String> NAMES = List.of(
            "log_chars", "log_tokens", "mean_word_length", "long_word_share", "distinct_word_share",
            "number_share", "log_lines", "has_quote");

    private DifficultyFeatures() {
    }

    public static double[] of(String prompt) {
        int words = 0;
        int numbers = 0;
        long letters = 0;
        int longWords = 0;
        int lines = 0;
        boolean quote = false;
        Set<String> distinct = new HashSet<>();
        int n = prompt.length();
        int i = 0;
        while (i < n) {
            char c = prompt.charAt(i);
            if (c == '\n') {
                lines++;
            } else if (c == '"') {
                quote = true;
            }
            if (isAsciiLetter(c)) {
                int start = i;
                while (i < n && isAsciiLetter(prompt.charAt(i))) {
                    i++;
                }
                int length = i - start;
                words++;
                letters += length;
                if (length > 8) {
                    longWords++;
                }
                distinct.add(prompt.substring(start, i).toLowerCase(Locale.ROOT));
            } else if (c >= '0' && c <= '9') {
                while (i < n && prompt.charAt(i) >= '0' && prompt.charAt(i) <= '9') {
                    i++;
                }
                numbers++;
            } else {
                i++;
            }
        }
        int tokens = words + numbers;
        return new double[]{
                Math.log1p(n),
                Math.log1p(tokens),
                words == 0 ? 0 : letters / (double) words,
                words == 0 ? 0 : longWords / (double) words,
                words == 0 ? 0 : distinct.size() / (double) words,
                tokens == 0 ? 0 : numbers / (double) tokens,
                Math.log1p(lines),
                quote ? 1 : 0};
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
