package dev.switchboard.routing;

/** A shape of a prompt that is not made of words, read from its first {@code end} characters. */
final class TextShapes {

    private static final String OPERATORS = "-+*/^=";

    private TextShapes() {
    }

    /** Digits, an arithmetic operator, digits: "3 + 4", "2^10"; "x=5" does not count. */
    static boolean arithmetic(String s, int end) {
        int i = 0;
        while (i < end) {
            if (!Character.isDigit(s.charAt(i))) {
                i++;
                continue;
            }
            while (i < end && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int j = skipWhitespace(s, i, end);
            if (j < end && OPERATORS.indexOf(s.charAt(j)) >= 0) {
                j = skipWhitespace(s, j + 1, end);
                if (j < end && Character.isDigit(s.charAt(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int skipWhitespace(String s, int from, int end) {
        int j = from;
        while (j < end && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        return j;
    }
}
