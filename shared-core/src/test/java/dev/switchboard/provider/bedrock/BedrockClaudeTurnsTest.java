package dev.switchboard.provider.bedrock;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ToolDefinition;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What Converse and Claude on Bedrock refuse that the gateway can leave out or hand to another deployment. */
class BedrockClaudeTurnsTest {

    private final BedrockRequestMapper mapper = new BedrockRequestMapper();

    @Test
    void aClaudeThatContinuesNoBegunAnswerCannotTakeOneAndAnEmptyToolDescriptionIsNotSent() {
        ChatRequest begun = new ChatRequest("us.anthropic.claude-opus-4-6-v1", List.of(ChatMessage.user("Hi"),
                new ChatMessage("assistant", "Hello, ")), 100);
        assertThrows(IllegalArgumentException.class, () -> mapper.converse(begun));

        ChatRequest earlier = new ChatRequest("anthropic.claude-3-haiku-20240307-v1:0", List.of(ChatMessage.user("Hi"),
                new ChatMessage("assistant", "Hello, ")), 100, null,
                List.of(new ToolDefinition("ping", "", "{\"type\":\"object\"}")));
        ConverseRequest request = mapper.converse(earlier);
        assertEquals(ContentBlock.fromText("Hello,"), request.messages().get(1).content().get(0),
                "Claude refuses a begun answer ending in white space");
        assertNull(request.toolConfig().tools().get(0).toolSpec().description(),
                "Converse refuses an empty description");
    }
}
