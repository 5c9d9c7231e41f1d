package dev.switchboard.routing.learning;

import java.util.Arrays;

/**
 * The few words some of the learner's features count ({@link FeatureTally}), looked up in a prompt
 * without a String: a word is packed into a long, five bits a folded letter, and searched for among
 * the listed words packed alike. Table filters by first letters and length rule out nearly every word
 * of a prompt before it is packed.
 */
final class ListedWords {

    /** Words that state a quantity in a word problem as plainly as a digit does. */
    static final String[] QUANTITY_WORDS = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "half",
        "twice", "double", "triple", "quarter", "third", "fourth", "fifth", "dozen", "percent"};

    /** All-caps words with which exam questions invert what is asked (hard for weak models). */
    static final String[] NEGATION_WORDS = {"not", "except", "least", "false"};

    private static final long[] NUMBER_WORDS = codes(QUANTITY_WORDS);
    private static final long[] NEGATIONS = codes(NEGATION_WORDS);

    /** Per folded first letter, the lengths (as bits) of the listed words that start with it. */
    private static final int[] LENGTHS_BY_FIRST = lengthsByFirst();

    /** Per folded first and second letter, the lengths (as bits) of the number words that start with them. */
    private static final int[] NUMBER_LENGTHS_BY_FIRST_TWO = lengthsByFirstTwo(QUANTITY_WORDS);

    /** Per folded first and second letter, the lengths (as bits) of the listed words that start with them. */
    private static final int[] LISTED_LENGTHS_BY_FIRST_TWO = lengthsByFirstTwo(QUANTITY_WORDS, NEGATION_WORDS);

    private static final int LONGEST_NEGATION = Arrays.stream(NEGATION_WORDS).mapToInt(String::length).max().orElse(0);

    private ListedWords() {
    }

    /** False when no listed word starts with this ASCII letter and has this length; true says "look closer". */
    static boolean mayBeListed(char first, int length) {
        return (LENGTHS_BY_FIRST[(first | 0x20) - 'a'] & (1 << Math.min(length, 31))) != 0;
    }

    /**
     * As {@link #mayBeListed(char, int)}, and sharper, for a reader that has the second letter at hand
     * ({@code first} again for a one-letter word): both ASCII letters, in either case.
     */
    static boolean mayBeListed(char first, char second, int length) {
        return (LISTED_LENGTHS_BY_FIRST_TWO[pairIndex(first, second)] & (1 << Math.min(length, 31))) != 0;
    }

    /**
     * Whether the ASCII letters {@code text[start, end)}, folded, are a number word; {@code first} and
     * {@code second} are their first two (the first twice for a one-letter word).
     */
    static boolean isNumberWord(String text, int start, int end, char first, char second) {
        return (NUMBER_LENGTHS_BY_FIRST_TWO[pairIndex(first, second)] & (1 << Math.min(end - start, 31))) != 0
                && Arrays.binarySearch(NUMBER_WORDS, packed(text, start, end)) >= 0;
    }

    /** Whether the ASCII letters {@code text[start, end)}, as they are, are a negation in capitals. */
    static boolean isCapitalNegation(String text, int start, int end) {
        if (end - start < 2 || end - start > LONGEST_NEGATION) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (text.charAt(k) > 'Z') {
                return false;
            }
        }
        return Arrays.binarySearch(NEGATIONS, packed(text, start, end)) >= 0;
    }

    /** The letters folded to lower case, five bits each; only for words short enough to fit (12). */
    private static long packed(String text, int start, int end) {
        long packed = 0;
        for (int k = start; k < end; k++) {
            packed = (packed << 5) | ((text.charAt(k) | 0x20) - 'a' + 1);
        }
        return packed;
    }

    private static int pairIndex(char first, char second) {
        return ((first | 0x20) - 'a') * 26 + ((second | 0x20) - 'a');
    }

    private static int[] lengthsByFirst() {
        int[] lengths = new int[26];
        for (String[] list : new String[][] {QUANTITY_WORDS, NEGATION_WORDS}) {
            for (String word : list) {
                lengths[word.charAt(0) - 'a'] |= 1 << Math.min(word.length(), 31);
            }
        }
        return lengths;
    }

    private static int[] lengthsByFirstTwo(String[]... lists) {
        int[] lengths = new int[26 * 26];
        for (String[] list : lists) {
            for (String word : list) {
                char second = word.length() > 1 ? word.charAt(1) : word.charAt(0);
                lengths[pairIndex(word.charAt(0), second)] |= 1 << Math.min(word.length(), 31);
            }
        }
        return lengths;
    }

    /** Lower-case words packed as {@link #packed} packs them, sorted for binary search. */
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
}
