package dev.switchboard.routing;

import java.util.List;

/**
 * A fixed set of lower-case words, numbered in the order given, that answers "which word is this
 * stretch of the prompt?" without making a String of it: open addressing on the word's {@link WordChars#shape},
 * then a character-by-character comparison with the folded prompt.
 */
final class WordTable {

    static final int ABSENT = -1;

    private final char[][] words;
    private final int[] shapes;
    /** Word number + 1 per slot; 0 is an empty slot. Kept at most a quarter full so misses end fast. */
    private final int[] slots;
    private final int maxLength;

    WordTable(List<String> words) {
        this.words = new char[words.size()][];
        this.shapes = new int[words.size()];
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 4) - 1) << 1;
        this.slots = new int[capacity];
        int longest = 0;
        for (int id = 0; id < words.size(); id++) {
            String word = words.get(id);
            this.words[id] = word.toCharArray();
            this.shapes[id] = WordChars.shape(word, 0, word.length());
            longest = Math.max(longest, word.length());
            int slot = spread(shapes[id]) & (capacity - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = id + 1;
        }
        this.maxLength = longest;
    }

    /**
     * The number of the word that {@code text[start, end)} folds to, or {@link #ABSENT}.
     *
     * @param shape the stretch's {@link WordChars#shape}
     */
    int find(String text, int start, int end, int shape) {
        if (end - start > maxLength) {
            return ABSENT;
        }
        int mask = slots.length - 1;
        for (int slot = spread(shape) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int id = slots[slot] - 1;
            if (shapes[id] == shape && sameFolded(words[id], text, start, end)) {
                return id;
            }
        }
        return ABSENT;
    }

    /** The number of a word given as a String, or {@link #ABSENT}. */
    int find(String word) {
        return word.isEmpty() ? ABSENT : find(word, 0, word.length(), WordChars.shape(word, 0, word.length()));
    }

    int size() {
        return words.length;
    }

    /** Whether {@code text[start, end)}, folded, equals {@code word}. */
    static boolean sameFolded(char[] word, String text, int start, int end) {
        if (end - start != word.length) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            char c = text.charAt(start + k);
            // Most prompt text is lower case already: fold only when the characters differ.
            if (c != word[k] && WordChars.fold(c) != word[k]) {
                return false;
            }
        }
        return true;
    }

    /** Mixes the length bits into the characters' so neighbouring shapes land apart. */
    private static int spread(int shape) {
        return shape * 0x9E3779B1 >>> 16;
    }
}
