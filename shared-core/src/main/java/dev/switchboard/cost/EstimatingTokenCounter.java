package dev.switchboard.cost;

/**
 * The common rule of thumb for English with BPE tokenizers: about four characters per token.
 * It is labelled an estimate wherever it is reported; {@link JtokkitTokenCounter} counts with the
 * model's own encoding where one is known.
 */
public final class EstimatingTokenCounter implements TokenCounter {

    static final String BASIS = "chars/4";
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

    /** The model does not change the rule of thumb. */
    @Override
    public TokenCount count(String model, String text) {
        return new TokenCount(count(text), false, BASIS);
    }
}
