package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.config.BedrockGuardrail;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;

/** A provider's guardrail on Converse and ConverseStream requests, and none without one. */
class ConverseGuardrailTest {

    private static final ChatRequest CHAT = new ChatRequest("amazon.nova-lite-v1:0", List.of(ChatMessage.user("Hi")), 10);

    @Test
    void theGuardrailGoesWithBothCallsByIdAndVersionWithoutATrace() {
        BedrockRequestMapper guarded = new BedrockRequestMapper(false, new BedrockGuardrail(
                "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr7x2k9q4m1p", "DRAFT"));

        assertEquals(GuardrailConfiguration.builder()
                .guardrailIdentifier("arn:aws:bedrock:us-east-1:123456789012:guardrail/gr7x2k9q4m1p")
                .guardrailVersion("DRAFT").build(), guarded.converse(CHAT).guardrailConfig());
        GuardrailStreamConfiguration streamed = guarded.converseStream(CHAT).guardrailConfig();
        assertEquals("arn:aws:bedrock:us-east-1:123456789012:guardrail/gr7x2k9q4m1p", streamed.guardrailIdentifier());
        assertEquals("DRAFT", streamed.guardrailVersion());
        assertNull(streamed.trace(), "a trace would carry the matched text of the prompt");
        assertNull(streamed.streamProcessingMode(), "Bedrock's default: checked as the stream goes");
    }

    @Test
    void aProviderWithoutOneSendsNone() {
        BedrockRequestMapper plain = new BedrockRequestMapper();

        assertNull(plain.converse(CHAT).guardrailConfig());
        assertNull(plain.converseStream(CHAT).guardrailConfig());
    }
}
