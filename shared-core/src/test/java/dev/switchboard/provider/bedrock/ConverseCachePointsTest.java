package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;

/** A provider with prompt-caching: true marks each Converse request's prefix with cache points. */
class ConverseCachePointsTest {

    private static final CachePointBlock POINT = CachePointBlock.builder().type(CachePointType.DEFAULT).build();
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", null, "{\"type\":\"object\"}");
    private final BedrockRequestMapper mapper = new BedrockRequestMapper();

    @Test
    void promptCachingPutsCachePointsAfterTheSystemBlocksTheLastTurnAndTheUserTurnBeforeItStreamedOrNot() {
        BedrockRequestMapper caching = new BedrockRequestMapper(true, null);
        ChatRequest chat = new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", List.of(
                new ChatMessage("system", "Answer briefly."), ChatMessage.user("Weather in Oslo?"),
                new ChatMessage("assistant", "Rainy."), ChatMessage.user("And Bergen?"),
                new ChatMessage("assistant", "Rainier."), ChatMessage.user("And Tromsø?")), 10, null, List.of(WEATHER));

        ConverseRequest request = caching.converse(chat);

        assertEquals(List.of(SystemContentBlock.fromText("Answer briefly."), SystemContentBlock.fromCachePoint(POINT)),
                request.system());
        List<List<ContentBlock>> turns = request.messages().stream().map(Message::content).toList();
        assertEquals(List.of(List.of(ContentBlock.fromText("Weather in Oslo?")), List.of(ContentBlock.fromText("Rainy.")),
                List.of(ContentBlock.fromText("And Bergen?"), ContentBlock.fromCachePoint(POINT)),
                List.of(ContentBlock.fromText("Rainier.")),
                List.of(ContentBlock.fromText("And Tromsø?"), ContentBlock.fromCachePoint(POINT))), turns,
                "the last turn and the user turn before it, where the previous request put its point");
        assertEquals(1, request.toolConfig().tools().size(), "the system prompt ends the prefix, not the tools");
        assertEquals(request.messages(), caching.converseStream(chat).messages());
        assertEquals(List.of(ContentBlock.fromText("And Tromsø?")), mapper.converse(chat).messages().get(4).content(),
                "without prompt caching nothing is added");
    }

    @Test
    void withoutASystemPromptClaudeGetsACachePointAfterTheToolsAndNovaOnlyInItsMessages() {
        BedrockRequestMapper caching = new BedrockRequestMapper(true, null);
        List<ChatMessage> question = List.of(ChatMessage.user("Weather?"));

        List<Tool> claude = caching.converse(new ChatRequest("us.anthropic.claude-haiku-4-5-v1:0", question, 10, null,
                List.of(WEATHER))).toolConfig().tools();
        ConverseRequest nova = caching.converse(new ChatRequest("us.amazon.nova-pro-v1:0", question, 10, null,
                List.of(WEATHER)));

        assertEquals(2, claude.size());
        assertEquals("get_weather", claude.get(0).toolSpec().name());
        assertEquals(CachePointType.DEFAULT, claude.get(1).cachePoint().type());
        assertEquals(1, nova.toolConfig().tools().size(), "Nova takes no cache point among its tools");
        assertEquals(List.of(ContentBlock.fromText("Weather?"), ContentBlock.fromCachePoint(POINT)),
                nova.messages().get(0).content());
    }

    @Test
    void aModelWithoutAPromptCacheIsSentNoCachePoints() {
        ConverseRequest request = new BedrockRequestMapper(true, null).converse(new ChatRequest(
                "anthropic.claude-3-haiku-20240307-v1:0", List.of(new ChatMessage("system", "Be brief."),
                ChatMessage.user("Hi")), 10));

        assertEquals(List.of(SystemContentBlock.fromText("Be brief.")), request.system());
        assertEquals(List.of(ContentBlock.fromText("Hi")), request.messages().get(0).content());
    }

    @Test
    void aToolResultLastTakesItsCachePointAfterItAndNoneOffersNoToolsToMark() {
        BedrockRequestMapper caching = new BedrockRequestMapper(true, null);
        ChatRequest chat = new ChatRequest("anthropic.claude-sonnet-4-5-v1:0", List.of(ChatMessage.user("Weather?"),
                new ChatMessage("assistant", "", List.of(new ToolCall("tooluse_1", "get_weather", "{\"city\":\"Oslo\"}")),
                        null), new ChatMessage("tool", "18C", List.of(), "tooluse_1")), 10, null, List.of(WEATHER));

        ConverseRequest offered = caching.converse(chat);
        ConverseRequest none = caching.converse(chat.withToolChoice(ToolChoice.NONE));

        List<ContentBlock> last = offered.messages().get(2).content();
        assertEquals("tooluse_1", last.get(0).toolResult().toolUseId());
        assertEquals(ContentBlock.fromCachePoint(POINT), last.get(1));
        assertEquals(2, offered.toolConfig().tools().size(), "no system prompt: Claude's tools end the prefix");
        assertNull(none.toolConfig(), "none sends no tools, and so no point among them");
        assertEquals(ContentBlock.fromCachePoint(POINT), none.messages().get(none.messages().size() - 1).content()
                .get(1));
    }
}
