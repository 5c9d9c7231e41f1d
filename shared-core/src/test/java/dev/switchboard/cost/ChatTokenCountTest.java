package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import dev.switchboard.provider.ToolCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatTokenCountTest {

    private final JtokkitTokenCounter counter = new JtokkitTokenCounter();

    /** The six-message example of OpenAI's cookbook, whose prompt_tokens the API itself reported. */
    private static final List<ChatMessage> COOKBOOK_CHAT = List.of(
            new ChatMessage("system", "You are a helpful, pattern-following assistant that translates corporate jargon into plain English."),
            new ChatMessage("system", "New synergies will help drive top-line growth."),
            new ChatMessage("system", "Things working well together will increase revenue."),
            new ChatMessage("system", "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage."),
            new ChatMessage("system", "Let's talk later when we're less busy about how to do better."),
            new ChatMessage("user", "This late pivot means we don't have time to boil the ocean for the client deliverable."));
    /** Four of its messages carry a name, which our unified model has not: each name costs its text plus 1. */
    private static final List<String> COOKBOOK_NAMES = List.of("example_user", "example_assistant", "example_user",
            "example_assistant");

    @ParameterizedTest(name = "{0}: {1} prompt tokens")
    @CsvSource({"gpt-4-0613, 129", "gpt-4, 129", "gpt-3.5-turbo, 129", "gpt-4o, 124", "gpt-4o-mini, 124"})
    void reproducesThePromptTokensTheApiReportedForTheCookbookChat(String model, int apiPromptTokens) {
        TokenCount chat = counter.countChat(model, COOKBOOK_CHAT);
        int names = COOKBOOK_NAMES.stream().mapToInt(name -> counter.count(model, name).tokens() + 1).sum();

        assertEquals(apiPromptTokens, chat.tokens() + names);
        assertTrue(chat.exact(), model);
    }

    @Test
    void eachMessageIsFramedAndTheReplyIsPrimed() {
        String content = "What is the capital of France?";
        int text = counter.count("gpt-4o", content).tokens() + counter.count("gpt-4o", "user").tokens();

        assertEquals(3 + 3 + text, counter.countChat("gpt-4o", List.of(ChatMessage.user(content))).tokens());
        assertEquals(3 + 2 * (3 + text),
                counter.countChat("gpt-4o", List.of(ChatMessage.user(content), ChatMessage.user(content))).tokens());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gpt-4.1", "o3-mini", "gpt-5", "gpt-3.5-turbo-0301", "claude-3-5-sonnet-20241022"})
    void modelsWithoutDocumentedFramingGetTheSameArithmeticAsAnEstimate(String model) {
        TokenCount chat = counter.countChat(model, COOKBOOK_CHAT);

        assertFalse(chat.exact(), model);
        assertEquals("estimate", chat.method());
        assertTrue(chat.tokens() > 100, model);
    }

    @Test
    void toolCallsAndToolTurnsMakeTheCountAnEstimate() {
        ChatMessage asks = new ChatMessage("assistant", "", List.of(new ToolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")), null);
        ChatMessage answers = new ChatMessage("tool", "{\"celsius\":21}", List.of(), "call_1");
        TokenCount withCall = counter.countChat("gpt-4o", List.of(ChatMessage.user("Weather in Paris?"), asks));

        assertFalse(withCall.exact());
        assertTrue(withCall.tokens() > counter.countChat("gpt-4o", List.of(ChatMessage.user("Weather in Paris?"))).tokens()
                + 3 + counter.count("gpt-4o", "get_weather").tokens());
        assertFalse(counter.countChat("gpt-4o", List.of(ChatMessage.user("Weather in Paris?"), answers)).exact());
    }

    @Test
    void theCharsPerFourCounterGivesAnEstimateOfTheChat() {
        TokenCount chat = new EstimatingTokenCounter().countChat("gpt-4o", List.of(ChatMessage.user("x".repeat(8))));

        assertEquals(new TokenCount(3 + 3 + 1 + 2, false, "chars/4"), chat);
    }

    @Test
    void imagesAddTheirEstimateAndMakeTheCountAnEstimate() {
        ImageInput image = TestImages.png(64, 64);
        List<ChatMessage> text = List.of(ChatMessage.user("What is this?"));
        List<ChatMessage> looking = List.of(ChatMessage.userWithParts(List.of(new MessagePart.Text("What is this?"),
                new MessagePart.Image(image))));

        TokenCount plain = counter.countChat("gpt-4o", text);
        TokenCount withImage = counter.countChat("gpt-4o", looking);

        assertTrue(plain.exact());
        assertFalse(withImage.exact(), "OpenAI documents no exact count of an image's framing");
        assertEquals(plain.tokens() + ImageTokenEstimate.of(image), withImage.tokens());
    }

    @Test
    void filesAddTheirEstimateToo() {
        List<ChatMessage> reading = List.of(ChatMessage.userWithParts(List.of(new MessagePart.Text("Summarise"),
                new MessagePart.Document(TestDocuments.document("a.pdf", 3)))));

        TokenCount count = counter.countChat("gpt-4o", reading);

        assertFalse(count.exact());
        assertEquals(counter.countChat("gpt-4o", List.of(ChatMessage.user("Summarise"))).tokens() + 6_000,
                count.tokens());
    }
}
