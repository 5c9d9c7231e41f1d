package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ToolCall;

import java.util.ArrayList;
import java.util.List;

/**
 * Prompt tokens of a chat as OpenAI frames it, per its cookbook ("How to count tokens with tiktoken",
 * checked there against the API's prompt_tokens): each message costs 3 tokens of framing plus its
 * role and content, and the reply is primed with 3 more. That framing is documented for gpt-3.5-turbo
 * (not the 0301 snapshot), gpt-4 and gpt-4o only, so only those can be exact; any other model gets the
 * same arithmetic labelled an estimate. Tool calls and tool turns have no documented framing: they are
 * counted as their text and make the whole count an estimate, as images and files do
 * ({@link ImageTokenEstimate}, {@link DocumentTokenEstimate}).
 */
public final class ChatTokenCount {

    static final int TOKENS_PER_MESSAGE = 3;
    static final int REPLY_PRIMING = 3;

    private ChatTokenCount() {
    }

    public static TokenCount of(TokenCounter counter, String model, List<ChatMessage> messages) {
        TokenCount nothing = counter.count(model, "");
        boolean exact = nothing.exact() && hasDocumentedFraming(model);
        int total = REPLY_PRIMING;
        for (ChatMessage message : messages) {
            total += TOKENS_PER_MESSAGE;
            for (String text : texts(message)) {
                TokenCount part = counter.count(model, text);
                total += part.tokens();
                exact &= part.exact();
            }
            if (!message.toolCalls().isEmpty() || message.toolCallId() != null) {
                exact = false;
            }
            if (message.hasParts()) {
                total += (int) Math.min(Integer.MAX_VALUE - total, AttachmentTokens.of(List.of(message)));
                exact = false;
            }
        }
        return new TokenCount(total, exact, nothing.basis());
    }

    static boolean hasDocumentedFraming(String model) {
        String name = ModelEncodings.normalize(model);
        boolean turbo = ModelEncodings.inFamily(name, "gpt-3.5-turbo") || ModelEncodings.inFamily(name, "gpt-35-turbo");
        return ModelEncodings.inFamily(name, "gpt-4o") || ModelEncodings.inFamily(name, "gpt-4")
                || (turbo && !name.endsWith("-0301"));
    }

    private static List<String> texts(ChatMessage message) {
        if (message.toolCalls().isEmpty()) {
            return List.of(message.role(), message.content());
        }
        List<String> texts = new ArrayList<>(List.of(message.role(), message.content()));
        for (ToolCall call : message.toolCalls()) {
            texts.add(call.name());
            texts.add(call.argumentsJson());
        }
        return texts;
    }
}
