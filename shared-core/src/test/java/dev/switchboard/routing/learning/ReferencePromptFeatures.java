package dev.switchboard.routing.learning;

import java.util.Arrays;

/**
 * PromptFeatures as it was before its counts came from the router's scan (two passes: the first answer
 * option, then the characters), kept verbatim as the reference the one-pass tally must agree with to the
 * last bit (PromptFeaturesAgreeWithReferenceTest). Learner states saved before the change were built
 * from these values.
 *
 * <p>Formerly: the features a difficulty learner sees: a prompt's shape (length in several forms, quantities,
 * sentences, question and answer-option structure), never its topic words, which overfit to the
 * subjects trained on. Extraction is one pass over the characters (plus a scan for the first
 * answer option) into a caller's array: no substrings, sets or regular expressions, because it runs
 * on the request path.
 */
final class ReferencePromptFeatures {

    static final int COUNT = PromptFeatures.COUNT;

    /** Words that state a quantity in a word problem as plainly as a digit does. */
    private static final long[] NUMBER_WORDS = codes(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "half",
        "twice", "double", "triple", "quarter", "third", "fourth", "fifth", "dozen", "percent");

    /** All-caps words with which exam questions invert what is asked (hard for weak models). */
    private static final long[] NEGATIONS = codes("not", "except", "least", "false");

    /** Words up to this long are packed into a long, five bits a letter, to be looked up without a String. */
    private static final int PACKED_LETTERS = 12;

    private ReferencePromptFeatures() {
    }

    /** Writes the {@link #COUNT} features of {@code prompt} into {@code into[0..COUNT)}. */
    public static void extract(String prompt, double[] into) {
        if (into.length < COUNT) {
            throw new IllegalArgumentException("need room for " + COUNT + " features, got " + into.length);
        }
        int n = prompt.length();
        int stemEnd = firstOptionLine(prompt);
        int words = 0;
        int numbers = 0;
        int decimals = 0;
        int numberWords = 0;
        int longWords = 0;
        int capitalised = 0;
        long letters = 0;
        int lines = 0;
        int sentences = 0;
        int math = 0;
        int moneyPercent = 0;
        int questionMarks = 0;
        int parentheses = 0;
        boolean quote = false;
        boolean negation = false;
        int i = 0;
        while (i < n) {
            char c = prompt.charAt(i);
            if (isAsciiLetter(c)) {
                int start = i;
                long packed = 0;
                boolean allCaps = true;
                for (char w; i < n && isAsciiLetter(w = prompt.charAt(i)); i++) {
                    allCaps &= w <= 'Z';
                    packed = (packed << 5) | ((w | 0x20) - 'a' + 1);
                }
                int length = i - start;
                words++;
                letters += length;
                longWords += length > 8 ? 1 : 0;
                capitalised += c <= 'Z' ? 1 : 0;
                if (length <= PACKED_LETTERS) {
                    numberWords += Arrays.binarySearch(NUMBER_WORDS, packed) >= 0 ? 1 : 0;
                    negation |= allCaps && length > 1 && start < stemEnd && Arrays.binarySearch(NEGATIONS, packed) >= 0;
                }
                continue;
            }
            if (isDigit(c)) {
                boolean decimal = false;
                while (i < n && isDigit(prompt.charAt(i))) {
                    i++;
                    // "3.5" and "1,200" are one quantity, "end of 3. Next" is not.
                    if (i + 1 < n && (prompt.charAt(i) == '.' || prompt.charAt(i) == ',') && isDigit(prompt.charAt(i + 1))) {
                        decimal |= prompt.charAt(i) == '.';
                        i++;
                    }
                }
                numbers++;
                decimals += decimal ? 1 : 0;
                continue;
            }
            switch (c) {
                case '\n' -> lines++;
                case '"' -> quote = true;
                case '+', '*', '/', '=', '^', '<', '>' -> math++;
                case '$', '%' -> moneyPercent++;
                case '(' -> parentheses++;
                default -> {
                }
            }
            if (c == '?') {
                questionMarks++;
            }
            if ((c == '.' || c == '?' || c == '!') && i < stemEnd && (i + 1 == n || Character.isWhitespace(prompt.charAt(i + 1)))) {
                sentences++;
            }
            i++;
        }
        int tokens = words + numbers;
        int optionChars = n - stemEnd;
        into[0] = Math.log1p(n);
        into[1] = Math.log1p(words);
        into[2] = share(letters, words);
        into[3] = share(longWords, words);
        into[4] = share(numbers, tokens);
        into[5] = Math.log1p(numbers);
        into[6] = Math.log1p(numbers + numberWords);
        into[7] = Math.log1p(lines);
        into[8] = quote ? 1 : 0;
        into[9] = Math.log1p(sentences);
        into[10] = optionChars > 0 ? 1 : 0;
        into[11] = Math.log1p(stemEnd);
        into[12] = Math.log1p(optionChars);
        into[13] = share(optionChars, n);
        into[14] = Math.log1p(math);
        into[15] = Math.log1p(moneyPercent);
        into[16] = Math.log1p(questionMarks);
        into[17] = share(capitalised, words);
        into[18] = Math.log1p(words / (double) Math.max(1, sentences));
        into[19] = share(decimals, numbers);
        into[20] = Math.log1p(parentheses);
        into[21] = negation ? 1 : 0;
    }

    /** Where the first answer-option line ("A. ", "B. ", ...) starts, or the prompt's length if none. */
    static int firstOptionLine(String prompt) {
        int n = prompt.length();
        for (int i = 0; i + 2 < n; i = prompt.indexOf('\n', i) + 1) {
            char c = prompt.charAt(i);
            if (c >= 'A' && c <= 'D' && prompt.charAt(i + 1) == '.' && prompt.charAt(i + 2) == ' ') {
                return i;
            }
            if (prompt.indexOf('\n', i) < 0) {
                break;
            }
        }
        return n;
    }

    /** Lower-case words packed as the scan packs them, sorted for binary search. */
    private static long[] codes(String... words) {
        long[] codes = new long[words.length];
        for (int k = 0; k < words.length; k++) {
            for (char w : words[k].toCharArray()) {
                codes[k] = (codes[k] << 5) | (w - 'a' + 1);
            }
        }
        Arrays.sort(codes);
        return codes;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : part / (double) whole;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
