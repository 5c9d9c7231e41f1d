package dev.switchboard.api;

import java.util.List;

/**
 * Every deployment tried said the request is longer than its context (and the rest were left out for a
 * smaller window): the caller's request, not a failure of the gateway, so a 400 with OpenAI's
 * {@code context_length_exceeded} on {@code messages} (or the endpoint's own field), which clients do not
 * send again.
 */
public final class ContextLengthExceededException extends DeploymentsFailedException {

    public ContextLengthExceededException(List<String> tried) {
        this("messages", tried);
    }

    private ContextLengthExceededException(String field, List<String> tried) {
        super(400, "context_length_exceeded", "The request is longer than the context of every deployment able "
                + "to answer it; shorten it or lower max_tokens. Tried " + String.join(", ", tried), field, tried);
    }

    /** The same refusal, naming {@code requestField} (POST /complete's is "prompt"). */
    public ContextLengthExceededException on(String requestField) {
        return new ContextLengthExceededException(requestField, tried());
    }
}
