package dev.switchboard.provider.anthropic;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An answer begun for Claude (a conversation ending on an assistant turn) as the Messages API takes it. */
class AnthropicPrefillTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final AnthropicRequestMapper MAPPER = new AnthropicRequestMapper(JSON);

    private static JsonNode body(ChatRequest request) throws IOException {
        return JSON.readValue(MAPPER.body(request, false), JsonNode.class);
    }

    private static ChatRequest request(List<ChatMessage> messages) {
        return new ChatRequest("claude-3-5-sonnet-20241022", messages, 256);
    }

    @Test
    void anAnswerBegunForClaudeGoesWithoutTheWhiteSpaceItEndsInWhichClaudeRefuses() throws IOException {
        JsonNode body = body(request(List.of(ChatMessage.user("List three colours"),
                new ChatMessage("assistant", "1. "))));

        JsonNode begun = body.get("messages").get(1);
        assertEquals("assistant", begun.get("role").getStringValue());
        assertEquals("1.", begun.get("content").get(0).get("text").getStringValue());
    }

    @Test
    void claude46AndLaterContinueNoBegunAnswerSoAnotherDeploymentMayTakeIt() {
        ChatRequest begun = new ChatRequest("claude-sonnet-4-6", List.of(ChatMessage.user("List three colours"),
                new ChatMessage("assistant", "1.")), 256);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MAPPER.body(begun, false));

        assertTrue(e.getMessage().contains("must end on a user or tool turn"), e.getMessage());
        assertDoesNotThrow(() -> MAPPER.body(new ChatRequest("claude-sonnet-4-6", List.of(
                ChatMessage.user("List three colours"), new ChatMessage("assistant", "1."), ChatMessage.user("Go on")),
                256), false), "an answer followed by a user turn is history, not a begun answer");
        assertDoesNotThrow(() -> MAPPER.body(new ChatRequest("claude-sonnet-4-6", List.of(
                ChatMessage.user("List three colours"), new ChatMessage("assistant", "")), 256), false),
                "an empty answer given earlier is left out, and the conversation ends on the user's turn");
    }
}
