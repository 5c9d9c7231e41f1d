package dev.switchboard.cost;

import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.ChatMessage;

import java.util.List;

/**
 * The prompt tokens an audio clip is estimated to cost, before a provider counts them:
 * {@link #TOKENS_PER_SECOND} for each second it plays, Gemini's published rate (OpenAI publishes none for
 * input_audio), at least one token a clip. It stands in for the clip in windows, cost ceilings and
 * reservations; the provider's own count settles them.
 */
public final class AudioTokenEstimate {

    public static final int TOKENS_PER_SECOND = 32;

    private AudioTokenEstimate() {
    }

    /** The tokens of every clip in {@code messages}. */
    public static long of(List<ChatMessage> messages) {
        return AttachmentTokens.sum(messages, ChatMessage::audio, AudioTokenEstimate::of);
    }

    public static long of(AudioInput clip) {
        return Math.max(1, (long) Math.ceil(clip.seconds() * TOKENS_PER_SECOND));
    }
}
