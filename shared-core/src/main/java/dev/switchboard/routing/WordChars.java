package dev.switchboard.routing;

/**
 * What counts as a word character and how a character folds to lower case, the same everywhere the
 * scan reads: letters, digits and underscores as a regular expression's \w, folded one char at a time
 * with {@link Character#toLowerCase(char)}. ASCII, nearly all of a prompt, is one table lookup.
 */
final class WordChars {

    /** What {@link #foldedWordChar} returns for a character that is not part of a word. */
    static final char NOT_WORD = 0;

    /** Per ASCII character: its lower case if it is a word character, else NOT_WORD. Never written after load. */
    private static final char[] ASCII = asciiTable();

    private WordChars() {
    }

    /** {@link #code} of each ASCII character. Never written after load. */
    private static final int[] ASCII_CODES = asciiCodes();

    /**
     * In one int, what the scan needs of a character: 0 when it is not a word character, else its
     * folded form ({@code (char) code}), with the sign bit set when it is not an ASCII letter. OR-ing
     * the codes of a word's characters so tells whether it is made of ASCII letters only.
     */
    static int code(char c) {
        if (c < 128) {
            return ASCII_CODES[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) | Integer.MIN_VALUE : 0;
    }

    private static int[] asciiCodes() {
        int[] codes = new int[128];
        for (char c = 0; c < 128; c++) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            char folded = foldedWordChar(c);
            codes[c] = folded == NOT_WORD ? 0 : letter ? folded : folded | Integer.MIN_VALUE;
        }
        return codes;
    }

    static boolean isWordChar(char c) {
        return foldedWordChar(c) != NOT_WORD;
    }

    /** {@code c} in lower case when it is a word character, else {@link #NOT_WORD}. */
    static char foldedWordChar(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : NOT_WORD;
    }

    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(c);
    }

    /**
     * A word's shape: its folded first and second characters (modulo 32) and its length (63 standing for
     * 63 or more) in one int, cheap to take while reading. Pass the character twice for a one-character
     * word. Words of one shape are few, so the shape both rules words out and finds them in a table.
     */
    static int shape(char first, char second, int length) {
        return (first & 31) << 11 | (second & 31) << 6 | Math.min(length, 63);
    }

    /** The shape of the folded word {@code text[start, end)}, which is not empty. */
    static int shape(String text, int start, int end) {
        char first = fold(text.charAt(start));
        return shape(first, end - start == 1 ? first : fold(text.charAt(start + 1)), end - start);
    }

    private static char[] asciiTable() {
        char[] table = new char[128];
        for (char c = 0; c < 128; c++) {
            boolean word = Character.isLetterOrDigit(c) || c == '_';
            table[c] = word ? Character.toLowerCase(c) : NOT_WORD;
        }
        return table;
    }
}
