package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;

import java.util.List;

/**
 * Counts the tokens a model would see. {@link #count(String)} is for callers that do not know the model
 * yet (prompt analysis before routing); it is the chars/4 rule of thumb in every implementation here, so
 * routing does not shift with the tokenizer. Callers that know the model ask {@link #count(String, String)}.
 */
public interface TokenCounter {

    int count(String text);

    /** How {@link #count(String)} counts: "exact" or "estimate". */
    String method();

    /** Tokens of {@code text} for {@code model}; this default knows no encoding and says it is an estimate. */
    default TokenCount count(String model, String text) {
        return new TokenCount(count(text), false, "model-independent");
    }

    /**
     * Tokens of text no model has been chosen for, as the context-window check and admission count them:
     * {@link #count(String)} for ASCII text; other text is counted with the model-less
     * {@link #count(String, String)} (see {@link UnroutedCount}), since four characters a token counts
     * Chinese or Hindi at a quarter or less of their tokens and would let a prompt past a context window,
     * or a reservation past a budget.
     */
    default int countUnrouted(String text) {
        return UnroutedCount.of(this, text);
    }

    /** Prompt tokens of a whole chat for {@code model}, message framing included (see {@link ChatTokenCount}). */
    default TokenCount countChat(String model, List<ChatMessage> messages) {
        return ChatTokenCount.of(this, model, messages);
    }
}
