package dev.switchboard.observability;

/**
 * Appends JSON values to a {@link StringBuilder}: the log encoder and the EMF writer build their
 * lines by hand, since a per-line object mapper would cost more than the line is worth.
 */
final class JsonChars {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonChars() {
    }

    /** {@code "key":} */
    static StringBuilder key(StringBuilder out, String key) {
        return string(out, key).append(':');
    }

    /** A quoted, escaped string; {@code null} as JSON null. */
    static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        out.append('"');
        int plain = plainPrefix(value);
        if (plain == value.length()) {
            return out.append(value).append('"'); // the common case: names, ids, messages without specials
        }
        out.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** How many leading characters of {@code value} need no escaping. */
    private static int plainPrefix(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return value.length();
    }

    /** A JSON value for a log field: numbers and booleans bare, anything else as a string. */
    static StringBuilder value(StringBuilder out, Object value) {
        if (value == null) {
            return out.append("null");
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return out.append(value);
        }
        if (value instanceof Double d) {
            return number(out, d);
        }
        return string(out, value.toString());
    }

    /** A finite number as written by Java; NaN and infinities (not JSON) as 0. */
    static StringBuilder number(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append('0');
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return out.append((long) value);
        }
        return out.append(value);
    }
}
