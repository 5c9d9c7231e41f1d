package dev.switchboard.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ImageInput;
import dev.switchboard.provider.MessagePart;
import dev.switchboard.provider.TestImages;
import dev.switchboard.state.CacheSettings;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which chat completions the response cache may answer at all. */
class ResponseCachingTest {

    private final ResponseCaching caching = new ResponseCaching(CacheSettings.defaults(), Clock.systemUTC());

    private static ChatCompletionRequest asking(MessagePart... parts) {
        return new ChatCompletionRequest(null, List.of(ChatMessage.userWithParts(List.of(parts))), 50, null,
                List.of(), false, false, false, RoutingPreferences.NONE);
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
