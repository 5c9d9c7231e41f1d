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

    /** The hash {@link String#hashCode()} would give the folded word, built one character at a time. */
    static int hashStep(int hash, char folded) {
        return 31 * hash + folded;
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
