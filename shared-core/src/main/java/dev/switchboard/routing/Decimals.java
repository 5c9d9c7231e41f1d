package dev.switchboard.routing;

/** Two-decimal text for explanations, without String.format's cost on the routing path. */
final class Decimals {

    private Decimals() {
    }

    /** {@code value} rounded half up to two decimals: 0.156 gives "0.16", 1.0 gives "1.00". */
    static String two(double value) {
        long hundredths = Math.round(Math.abs(value) * 100);
        String sign = value < 0 && hundredths != 0 ? "-" : "";
        long cents = hundredths % 100;
        return sign + (hundredths / 100) + (cents < 10 ? ".0" : ".") + cents;
    }
}
