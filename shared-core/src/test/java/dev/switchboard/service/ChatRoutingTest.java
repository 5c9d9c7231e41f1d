package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.ToolChoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a chat completion adds to its prompt's tokens and to its routing needs, besides the messages' text. */
class ChatRoutingTest {

    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private final ChatRouting routing = new ChatRouting(null, TOKENS);

    private static ChatCompletionRequest asking(ResponseFormat format) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.user("Name a city as JSON")), 50, true, null,
                List.of(), false, false, false, RoutingPreferences.NONE, null, ToolChoice.AUTO,
                new GenerationOptions(null, List.of(), format));
    }

    @Test
    void aJsonSchemaCountsAsPromptTokensSinceProvidersBillItSo() {
        String schema = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\",\"description\":\""
                + "the city's name as its people write it\"}},\"required\":[\"city\"]}";
        int text = routing.extraPromptTokens(asking(ResponseFormat.TEXT));

        int schemed = routing.extraPromptTokens(asking(ResponseFormat.jsonSchema("place", schema, true, "A city")));

        assertEquals(text + TOKENS.countUnrouted("place") + TOKENS.countUnrouted(schema)
                + TOKENS.countUnrouted("A city"), schemed);
        assertEquals(text, routing.extraPromptTokens(asking(ResponseFormat.JSON_OBJECT)), "no schema, nothing more");
    }

    @Test
    void aJsonFormatRequiresJsonCapableDeploymentsAndTextDoesNot() {
        assertTrue(routing.preferences(asking(ResponseFormat.JSON_OBJECT)).requires().contains("json"));
        assertTrue(routing.preferences(asking(ResponseFormat.TEXT)).requires().isEmpty());
    }
}
