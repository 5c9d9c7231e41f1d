package dev.switchboard.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * An answer begun for Claude: a conversation that ends on an assistant turn, which Claude continues (a prefill).
 * Claude 4.6 and later take none and answer one with a 400; earlier Claudes refuse one that ends in white space.
 * Both through Anthropic's API and through Bedrock.
 */
public final class ClaudePrefill {

    private ClaudePrefill() {
    }

    /** Whether the last turn sent (see {@link #lastTurn}) is the assistant's: an answer Claude would continue. */
    public static boolean endsOnAnAnswer(List<ChatMessage> messages) {
        return lastTurn(messages) >= 0 && messages.get(lastTurn(messages)).role().equals("assistant");
    }

    /**
     * {@code messages} as {@code model} takes them: a begun answer without the white space it ends in (which
     * changes nothing a model would write after it).
     *
     * @throws IllegalArgumentException when the conversation ends on an answer and {@code model} takes none: a
     *                                  request this deployment cannot take, though another may
     */
    public static List<ChatMessage> fitted(String model, List<ChatMessage> messages) {
        if (!endsOnAnAnswer(messages)) {
            return messages;
        }
        if (!ClaudeVersions.continuesAnswers(model)) {
            throw new IllegalArgumentException("Claude 4.6 and later do not continue an answer begun for them: the "
                    + "conversation must end on a user or tool turn");
        }
        int last = lastTurn(messages);
        ChatMessage answer = messages.get(last);
        String trimmed = answer.content().stripTrailing();
        if (trimmed.equals(answer.content())) {
            return messages;
        }
        List<ChatMessage> fitted = new ArrayList<>(messages);
        fitted.set(last, new ChatMessage(answer.role(), trimmed, answer.toolCalls(), answer.toolCallId()));
        return fitted;
    }

    /**
     * The last turn the mappers send: not a system turn (those go apart), nor an assistant turn with neither text
     * nor tool calls (an empty answer the gateway gave earlier), which they leave out.
     */
    private static int lastTurn(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage turn = messages.get(i);
            boolean leftOut = turn.role().equals("system") || (turn.role().equals("assistant")
                    && turn.content().isBlank() && turn.toolCalls().isEmpty());
            if (!leftOut) {
                return i;
            }
        }
        return -1;
    }
}
