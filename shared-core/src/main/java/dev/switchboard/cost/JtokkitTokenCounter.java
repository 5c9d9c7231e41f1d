package dev.switchboard.cost;

/**
 * Counts with OpenAI's own BPE encodings (jtokkit) where the model is known to use one, and says "exact";
 * for any other model it counts with o200k_base as a proxy and says "estimate" (see {@link ModelEncodings}).
 * Without a model it keeps the chars/4 rule of thumb, so prompt analysis before routing is unchanged.
 * Thread-safe: the encodings are immutable and shared, loaded once on the first model-aware count.
 */
public final class JtokkitTokenCounter implements TokenCounter {

    private final EstimatingTokenCounter withoutModel = new EstimatingTokenCounter();

    @Override
    public int count(String text) {
        return withoutModel.count(text);
    }

    @Override
    public String method() {
        return withoutModel.method();
    }

    @Override
    public TokenCount count(String model, String text) {
        ModelEncodings.Choice choice = ModelEncodings.forModel(model);
        // "Ordinary": text such as "<|endoftext|>" in a prompt is counted as the plain text the API sees,
        // not as a special token (jtokkit's encode() would refuse it).
        int tokens = text == null || text.isEmpty() ? 0 : choice.encoding().countTokensOrdinary(text);
        return new TokenCount(tokens, choice.exact(), choice.encoding().getName());
    }
}
