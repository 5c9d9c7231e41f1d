package dev.switchboard.routing;

/** A rule's terms as bits of a {@link ScanVocabulary}: the rule holds when the scan found any of them. */
final class TermMask {

    private final long[] bits;

    TermMask(long[] bits) {
        this.bits = bits.clone();
    }

    static int longsFor(int bitCount) {
        return (bitCount + 63) >>> 6;
    }

    boolean matches(PromptScan scan) {
        return scan.foundAny(bits);
    }
}
