package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;

import java.util.List;

/** The estimated prompt tokens of a conversation's images, files and audio clips, besides its text. */
public final class AttachmentTokens {

    private AttachmentTokens() {
    }

    public static long of(List<ChatMessage> messages) {
        return ImageTokenEstimate.of(messages) + DocumentTokenEstimate.of(messages) + AudioTokenEstimate.of(messages);
    }
}
