package dev.switchboard.api;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks for query-string parameters, with the same 400s (naming the parameter) as body fields. */
public final class QueryParameters {

    /** A plain decimal number: digits with a point and an exponent, as people and JSON write them. */
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private QueryParameters() {
    }

    public static String requiredText(String name, String value, int maxLength) {
        if (value == null) {
            throw new InvalidRequestException(name, "'" + name + "' is required");
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(name, "'" + name + "' must not be blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidRequestException(name, "'" + name + "' must be at most " + maxLength + " characters");
        }
        return value;
    }

    public static boolean optionalBoolean(String name, String value, boolean fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, "'" + name + "' must be true or false");
        };
    }

    public static int optionalInt(String name, String value, int fallback, int min, int max) {
        Long parsed = optionalLong(name, value, min, max);
        return parsed == null ? fallback : parsed.intValue();
    }

    /** An optional number in [min, max]; absent or empty gives null. */
    public static Double optionalDecimal(String name, String value, double min, double max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String range = "'" + name + "' must be a number between " + min + " and " + max;
        if (!DECIMAL.matcher(value.trim()).matches()) {
            // Double.parseDouble also takes hexadecimal, "1d", "NaN" and "Infinity", which no caller means.
            throw new InvalidRequestException(name, range);
        }
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!(parsed >= min && parsed <= max)) {
                throw new InvalidRequestException(name, range);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, range);
        }
    }

    /** An optional whole number in [min, max]; absent or empty gives null. */
    public static Long optionalLong(String name, String value, long min, long max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String range = "'" + name + "' must be an integer between " + min + " and " + max;
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidRequestException(name, range);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, range);
        }
    }
}
