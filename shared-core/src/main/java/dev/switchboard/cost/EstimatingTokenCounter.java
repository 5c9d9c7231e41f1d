package dev.switchboard.cost;

/**
 * The common rule of thumb for English with BPE tokenizers: about four characters per token.
 * It is labelled an estimate wherever it is reported; exact per-model encodings come later.
 */
public final class EstimatingTokenCounter implements TokenCounter {

    private static final double CHARS_PER_TOKEN = 4.0;

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return Math.max(1, (int) Math.ceil(text.codePointCount(0, text.length()) / CHARS_PER_TOKEN));
    }

    @Override
    public String method() {
        return "estimate";
    }
}
