package dev.switchboard.cost;

import dev.switchboard.provider.AudioFormat;
import dev.switchboard.provider.AudioInput;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestAudio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AudioTokenEstimateTest {

    @Test
    void aClipCostsGeminisThirtyTwoTokensASecondRoundedUpAndAtLeastOne() {
        assertEquals(64, AudioTokenEstimate.of(TestAudio.wavClip(2000)));
        assertEquals(17, AudioTokenEstimate.of(TestAudio.wavClip(501)), "16.03 tokens count as 17");
        assertEquals(1, AudioTokenEstimate.of(new AudioInput(AudioFormat.WAV, "UklGRg==", 0)));
    }

    @Test
    void everyClipOfEveryTurnCountsAndAttachmentsAddThem() {
        List<ChatMessage> messages = List.of(ChatMessage.userWithParts(List.of(new MessagePart.Text("Compare"),
                        new MessagePart.Audio(TestAudio.wavClip(1000)), new MessagePart.Audio(TestAudio.wavClip(500)))),
                new ChatMessage("assistant", "They differ."), ChatMessage.user("How?"));

        assertEquals(48, AudioTokenEstimate.of(messages));
        assertEquals(48, AttachmentTokens.of(messages), "no images or files besides");
    }
}
