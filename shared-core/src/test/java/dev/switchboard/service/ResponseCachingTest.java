package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.GenerationOptions;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.Penalties;
import dev.switchboard.provider.PromptCacheHint;
import dev.switchboard.provider.ReasoningEffort;
import dev.switchboard.provider.ResponseFormat;
import dev.switchboard.provider.TestImages;
import dev.switchboard.provider.ToolChoice;
import dev.switchboard.provider.ToolDefinition;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CacheSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which chat completions the response cache may answer at all, and what parts of them its key holds. */
class ResponseCachingTest {

    private final ResponseCaching caching = new ResponseCaching(CacheSettings.defaults());

    private static ChatCompletionRequest asking(MessagePart... parts) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.userWithParts(List.of(parts))), 50, null,
                List.of(), false, false, false, RoutingPreferences.NONE);
    }

    private static ChatCompletionRequest seeded(Long seed) {
        return with(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, seed));
    }

    private static ChatCompletionRequest with(GenerationOptions options) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.user("Pick a number")), 50, true, null, List.of(),
                false, false, false, RoutingPreferences.NONE, null, ToolChoice.AUTO, options);
    }

    @Test
    void aSeedIsPartOfTheKeyAndNoSeedKeepsTheKeyOfTheRequestWithout() {
        CacheKey none = caching.keyOf(seeded(null), Caller.ANONYMOUS);

        assertEquals(none, caching.keyOf(new ChatCompletionRequest(null, List.of(ChatMessage.user("Pick a number")), 50,
                null, List.of(), false, false, false, RoutingPreferences.NONE), Caller.ANONYMOUS));
        assertEquals(caching.keyOf(seeded(7L), Caller.ANONYMOUS), caching.keyOf(seeded(7L), Caller.ANONYMOUS));
        assertNotEquals(none, caching.keyOf(seeded(7L), Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(seeded(7L), Caller.ANONYMOUS), caching.keyOf(seeded(8L), Caller.ANONYMOUS),
                "another seed may draw another answer");
    }

    @Test
    void aKeysModelsArePartOfTheKeyInAnyOrderAndAKeyWithoutKeepsItsKey() {
        ChatCompletionRequest request = seeded(null);
        Caller open = new Caller("alice", "vk_open", null, null, false);
        CacheKey unlimited = caching.keyOf(request, open);
        CacheKey economy = caching.keyOf(request, limited("gemini", "openai/gpt-4o-mini"));

        assertEquals(unlimited, caching.keyOf(request, new Caller("alice", "vk_other", null, null, false, List.of())),
                "another unlimited key of the same user");
        assertNotEquals(unlimited, economy);
        assertEquals(economy, caching.keyOf(request, limited("openai/gpt-4o-mini", "gemini")), "the same models");
        assertNotEquals(economy, caching.keyOf(request, limited("gemini")));
        assertNotEquals(caching.keyOf(request, limited("a,b")), caching.keyOf(request, limited("a", "b")));
    }

    private static Caller limited(String... models) {
        return new Caller("alice", "vk_limited", null, null, false, List.of(models));
    }

    @Test
    void aReasoningEffortIsPartOfTheKey() {
        ChatCompletionRequest plain = seeded(null);
        ChatCompletionRequest low = with(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.LOW));
        ChatCompletionRequest high = with(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null,
                ReasoningEffort.HIGH));

        assertNotEquals(caching.keyOf(plain, Caller.ANONYMOUS), caching.keyOf(low, Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(low, Caller.ANONYMOUS), caching.keyOf(high, Caller.ANONYMOUS));
    }

    @Test
    void penaltiesArePartOfTheKeyAndZeroOnesAddNothing() {
        assertEquals(caching.keyOf(seeded(null), Caller.ANONYMOUS), caching.keyOf(with(new GenerationOptions(null,
                List.of(), ResponseFormat.TEXT, null, null, Penalties.NONE)), Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(seeded(null), Caller.ANONYMOUS), caching.keyOf(with(new GenerationOptions(null,
                List.of(), ResponseFormat.TEXT, null, null, new Penalties(0.5, 0))), Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(with(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                        new Penalties(0.5, 0))), Caller.ANONYMOUS),
                caching.keyOf(with(new GenerationOptions(null, List.of(), ResponseFormat.TEXT, null, null,
                        new Penalties(0, 0.5))), Caller.ANONYMOUS));
    }

    @Test
    void promptCacheHintsAreNotPartOfTheKeySinceTheyChangeNoAnswer() {
        assertEquals(caching.keyOf(seeded(null), Caller.ANONYMOUS), caching.keyOf(with(new GenerationOptions(null,
                List.of(), ResponseFormat.TEXT, null, null, Penalties.NONE, new PromptCacheHint("agent-7", "24h"))),
                Caller.ANONYMOUS));
    }

    @Test
    void oneCallAtATimeIsPartOfTheKey() {
        ChatCompletionRequest parallel = seeded(null);
        ChatCompletionRequest oneCall = new ChatCompletionRequest(null, parallel.messages(), 50, true, null, List.of(),
                false, false, false, RoutingPreferences.NONE, null, ToolChoice.AUTO.oneCallAtATime(), parallel.options());

        assertNotEquals(caching.keyOf(parallel, Caller.ANONYMOUS), caching.keyOf(oneCall, Caller.ANONYMOUS));
    }

    @Test
    void whichToolsAreStrictIsPartOfTheKey() {
        String schema = "{\"type\":\"object\"}";
        ChatCompletionRequest loose = offering(new ToolDefinition("a", null, schema), new ToolDefinition("b", null, schema));
        ChatCompletionRequest firstStrict = offering(new ToolDefinition("a", null, schema, true),
                new ToolDefinition("b", null, schema));
        ChatCompletionRequest secondStrict = offering(new ToolDefinition("a", null, schema),
                new ToolDefinition("b", null, schema, true));

        assertEquals(caching.keyOf(loose, Caller.ANONYMOUS), caching.keyOf(offering(new ToolDefinition("a", null, schema),
                new ToolDefinition("b", null, schema)), Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(loose, Caller.ANONYMOUS), caching.keyOf(firstStrict, Caller.ANONYMOUS));
        assertNotEquals(caching.keyOf(firstStrict, Caller.ANONYMOUS), caching.keyOf(secondStrict, Caller.ANONYMOUS));
    }

    private static ChatCompletionRequest offering(ToolDefinition... tools) {
        ChatCompletionRequest base = seeded(null);
        return new ChatCompletionRequest(null, base.messages(), 50, true, null, List.of(tools), false, false, false,
                RoutingPreferences.NONE, null, ToolChoice.AUTO, base.options());
    }

    @Test
    void anInlineImageIsKeyedButAnImageByAddressIsNeverCached() {
        MessagePart question = new MessagePart.Text("What is this?");
        assertNotNull(caching.keyOf(asking(question, new MessagePart.Image(TestImages.png(2, 2))), Caller.ANONYMOUS));
        assertNull(caching.keyOf(asking(question, new MessagePart.Image(TestImages.png(2, 2)),
                new MessagePart.Image(ImageInput.byAddress("https://example.com/latest.jpg", null))), Caller.ANONYMOUS),
                "what the address serves may change while the key would not");
    }
}
