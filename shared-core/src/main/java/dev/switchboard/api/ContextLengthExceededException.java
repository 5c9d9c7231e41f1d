package dev.switchboard.api;

import java.util.List;

/**
 * Every deployment tried said the conversation is longer than its context (and the rest were left out
 * for a smaller window): the caller's request, not a failure of the gateway, so a 400 on
 * {@code messages} with OpenAI's {@code context_length_exceeded}, which clients do not send again.
 */
public final class ContextLengthExceededException extends DeploymentsFailedException {

    public ContextLengthExceededException(List<String> tried) {
        super(400, "context_length_exceeded", "The conversation is longer than the context of every deployment "
                + "able to answer it; shorten it. Tried " + String.join(", ", tried), "messages", tried);
    }
}
