package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.cost.ImageTokenEstimate;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.TestAudio;
import dev.switchboard.provider.TestDocuments;
import dev.switchboard.provider.TestImages;
import dev.switchboard.provider.ToolChoice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a chat completion adds to its prompt's tokens and to its routing needs, besides the messages' text. */
class ChatRoutingTest {

    private static final EstimatingTokenCounter TOKENS = new EstimatingTokenCounter();
    private final ChatRouting routing = new ChatRouting(null, TOKENS);

    /** The capabilities the request needs, for a caller that may use every model. */
    private java.util.Set<String> needs(ChatCompletionRequest request) {
        return routing.preferences(request, Caller.ANONYMOUS).requires();
    }

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
        assertTrue(needs(asking(ResponseFormat.JSON_OBJECT)).contains("json"));
        assertTrue(needs(asking(ResponseFormat.TEXT)).isEmpty());
    }

    private static ChatCompletionRequest asking(List<ChatMessage> messages) {
        return new ChatCompletionRequest(null, messages, 50, null, List.of(), false, false, true, RoutingPreferences.NONE);
    }

    @Test
    void imagesRequireVisionAndCountTheirEstimatedTokens() {
        ChatMessage looking = ChatMessage.userWithParts(List.of(new MessagePart.Text("What is this?"),
                new MessagePart.Image(TestImages.png(1000, 1000)),
                new MessagePart.Image(ImageInput.byAddress("https://example.com/a.png", null))));
        ChatCompletionRequest withImages = asking(List.of(looking));
        ChatCompletionRequest textOnly = asking(List.of(ChatMessage.user("What is this?")));

        assertTrue(needs(withImages).contains("vision"));
        assertTrue(needs(textOnly).isEmpty());
        assertEquals(routing.extraPromptTokens(textOnly) + 1_334 + ImageTokenEstimate.UNKNOWN_SIZE_TOKENS,
                routing.extraPromptTokens(withImages), "Anthropic's count of a 1000 square, and the most for an address");
    }

    @Test
    void aFileRequiresPdfAndCountsItsPages() {
        ChatMessage reading = ChatMessage.userWithParts(List.of(new MessagePart.Text("Summarise"),
                new MessagePart.Document(TestDocuments.document("a.pdf", 2))));
        ChatCompletionRequest withFile = asking(List.of(reading));
        ChatCompletionRequest textOnly = asking(List.of(ChatMessage.user("Summarise")));

        assertEquals(java.util.Set.of("pdf"), needs(withFile), "a file alone needs no vision");
        assertEquals(routing.extraPromptTokens(textOnly) + 4_000, routing.extraPromptTokens(withFile));
    }

    @Test
    void aReasoningEffortRequiresReasoning() {
        ChatCompletionRequest thinking = new ChatCompletionRequest(null, List.of(ChatMessage.user("Prove it")), 50, true,
                null, List.of(), false, false, false, RoutingPreferences.NONE, null, ToolChoice.AUTO,
                new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, ReasoningEffort.HIGH));

        assertEquals(java.util.Set.of("reasoning"), needs(thinking));
    }

    @Test
    void anAudioClipRequiresAudioAndCountsItsSeconds() {
        ChatCompletionRequest withClip = asking(List.of(ChatMessage.userWithParts(List.of(new MessagePart.Text("Transcribe"),
                new MessagePart.Audio(TestAudio.wavClip(3000))))));
        ChatCompletionRequest textOnly = asking(List.of(ChatMessage.user("Transcribe")));

        assertEquals(java.util.Set.of("audio"), needs(withClip));
        assertEquals(routing.extraPromptTokens(textOnly) + 96, routing.extraPromptTokens(withClip));
    }
}
