package dev.switchboard.secrets;

import java.util.Objects;

/**
 * A provider's API key. It prints as a mask so that a key passed to a logger, put in an exception
 * message or serialised by accident shows nothing; only an adapter building its request calls
 * {@link #reveal()}.
 */
public final class ApiKey {

    private final String value;

    public ApiKey(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
        this.value = value;
    }

    /**
     * Whether {@code value} can go in an HTTP header as it is: printable ASCII without spaces, as every provider's
     * keys are. A key saved with a byte-order mark or a zero-width space cannot, and the HTTP client's refusal
     * would quote it.
     */
    public static boolean carriable(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c > ' ' && c <= '~');
    }

    /** The key itself, for the one header that carries it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[***]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
