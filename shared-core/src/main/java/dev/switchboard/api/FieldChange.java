package dev.switchboard.api;

/**
 * One field of a partial change (PATCH): left as it is when not {@code given}, else set to {@code value}, which
 * may be null (a JSON null clears the field).
 */
public record FieldChange<T>(boolean given, T value) {

    private static final FieldChange<?> KEEP = new FieldChange<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> keep() {
        return (FieldChange<T>) KEEP;
    }

    public static <T> FieldChange<T> to(T value) {
        return new FieldChange<>(true, value);
    }

    /** The field as it is after the change: {@code value} when given, else {@code current}. */
    public T or(T current) {
        return given ? value : current;
    }
}
