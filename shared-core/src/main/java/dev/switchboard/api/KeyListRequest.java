package dev.switchboard.api;

import java.util.function.UnaryOperator;

/**
 * GET /keys' query, checked: a page of at most {@code limit} keys after the key id {@code after}, of
 * {@code user} only when given.
 */
public record KeyListRequest(String after, int limit, String user) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** @param query a parameter's value as sent, or null when absent */
    public static KeyListRequest from(UnaryOperator<String> query) {
        int limit = QueryParameters.optionalInt("limit", query.apply("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
        String after = emptyAsAbsent(query.apply("after"));
        if (after != null) {
            KeyIds.checked("after", after);
        }
        String user = emptyAsAbsent(query.apply("user"));
        if (user != null && (user.length() > CreateKeyRequestParser.MAX_TEXT
                || !CreateKeyRequestParser.USER_NAME.matcher(user).matches())) {
            throw new InvalidRequestException("user", "'user' must be a user name: letters, digits and . _ @ + - only");
        }
        return new KeyListRequest(after, limit, user);
    }

    /** As the other query parameters: {@code ?after=} asks for the first page, as no {@code after} does. */
    private static String emptyAsAbsent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
