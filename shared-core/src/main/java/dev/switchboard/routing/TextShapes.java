package dev.switchboard.routing;

/**
 * A shape of a prompt that is not made of words, checked where the scan meets an operator so that it
 * costs no pass of its own: operators are rare in prose, and each check reads only the whitespace
 * around one operator.
 */
final class TextShapes {

    private TextShapes() {
    }

    static boolean isOperator(char c) {
        return c == '-' || c == '+' || c == '*' || c == '/' || c == '^' || c == '=';
    }

    /**
     * Whether the operator at {@code at} has a digit before it and a digit after it within
     * {@code s[0, end)}, with only whitespace between: "3 + 4", "2^10"; "x=5" does not count. A prompt
     * has arithmetic exactly when one of its operators does.
     */
    static boolean arithmeticAround(String s, int at, int end) {
        int before = at - 1;
        while (before >= 0 && Character.isWhitespace(s.charAt(before))) {
            before--;
        }
        if (before < 0 || !Character.isDigit(s.charAt(before))) {
            return false;
        }
        int after = at + 1;
        while (after < end && Character.isWhitespace(s.charAt(after))) {
            after++;
        }
        return after < end && Character.isDigit(s.charAt(after));
    }
}
