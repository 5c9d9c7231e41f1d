package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The estimated prompt tokens of a conversation's images, files and audio clips, besides its text. */
public final class AttachmentTokens {

    private AttachmentTokens() {
    }

    public static long of(List<ChatMessage> messages) {
        return ImageTokenEstimate.of(messages) + DocumentTokenEstimate.of(messages) + AudioTokenEstimate.of(messages);
    }

    /** The tokens of each attachment {@code pick} finds in {@code messages}, as {@code tokens} counts it. */
    static <T> long sum(List<ChatMessage> messages, Function<ChatMessage, List<T>> pick, ToLongFunction<T> tokens) {
        long total = 0;
        for (ChatMessage message : messages) {
            for (T attachment : pick.apply(message)) {
                total += tokens.applyAsLong(attachment);
            }
        }
        return total;
    }
}
