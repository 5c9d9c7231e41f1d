package dev.switchboard.routing;

import java.util.List;

/**
 * A fixed set of lower-case words, numbered in the order given, that answers "which word is this
 * stretch of the prompt?" without making a String of it: open addressing on the word's {@link WordChars#shape},
 * then a character-by-character comparison with the folded prompt. Words of at most
 * {@link #PACKED_LETTERS} ASCII letters, nearly every word of prose, are also found by their packed
 * letters ({@link #pack}): one probe and one comparison of longs, with no chain of loads from slot to
 * word to characters.
 */
final class WordTable {

    static final int ABSENT = -1;

    /** The most letters a packed word holds: five bits a letter in a long. */
    static final int PACKED_LETTERS = 12;

    private final char[][] words;
    private final int[] shapes;
    /** Word number + 1 per slot; 0 is an empty slot. Kept at most a quarter full so misses end fast. */
    private final int[] slots;
    private final int maxLength;
    /** Packed letters per slot (0 for empty) and the word's number, for the words made of a to z only. */
    private final long[] packedKeys;
    private final int[] packedIds;

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
        this.packedKeys = new long[capacity];
        this.packedIds = new int[capacity];
        for (int id = 0; id < words.size(); id++) {
            long code = packed(words.get(id));
            if (code != 0) {
                int slot = packedSlot(code, capacity - 1);
                while (packedKeys[slot] != 0) {
                    slot = (slot + 1) & (capacity - 1);
                }
                packedKeys[slot] = code;
                packedIds[slot] = id;
            }
        }
    }

    /**
     * {@code code} followed by one more folded letter, a to z. A word's code starts at 0; codes of
     * words of different lengths differ, as no letter packs to 0. Only words of at most
     * {@link #PACKED_LETTERS} letters keep all of theirs.
     */
    static long pack(long code, char foldedLetter) {
        return code << 5 | (foldedLetter & 31);
    }

    /** The packed letters of {@code text[start, end)}: ASCII letters, at most {@link #PACKED_LETTERS}. */
    static long pack(String text, int start, int end) {
        // More letters would shift the first ones out, and two words could then share a code.
        assert end - start <= PACKED_LETTERS : "at most " + PACKED_LETTERS + " letters pack";
        long code = 0;
        for (int k = start; k < end; k++) {
            code = pack(code, text.charAt(k));
        }
        return code;
    }

    /**
     * The number of the word whose letters packed to {@code code}, or {@link #ABSENT}. Exact for a
     * prompt word of 1 to {@link #PACKED_LETTERS} ASCII letters: the lower-case words that could equal
     * it folded are the ones of a to z only, and those are all indexed by their code.
     */
    int findPacked(long code) {
        int mask = packedKeys.length - 1;
        for (int slot = packedSlot(code, mask); packedKeys[slot] != 0; slot = (slot + 1) & mask) {
            if (packedKeys[slot] == code) {
                return packedIds[slot];
            }
        }
        return ABSENT;
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

    /** The code of a word of 1 to PACKED_LETTERS letters a to z, else 0 (the word is found by shape alone). */
    private static long packed(String word) {
        if (word.length() > PACKED_LETTERS) {
            return 0;
        }
        long code = 0;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (c < 'a' || c > 'z') {
                return 0;
            }
            code = pack(code, c);
        }
        return code;
    }

    private static int packedSlot(long code, int mask) {
        return (int) (code * 0x9E3779B97F4A7C15L >>> 40) & mask;
    }

    /** Mixes the length bits into the characters' so neighbouring shapes land apart. */
    private static int spread(int shape) {
        return shape * 0x9E3779B1 >>> 16;
    }
}
