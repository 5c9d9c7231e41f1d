package dev.switchboard.service;

import dev.switchboard.api.ChatCompletionRequest;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.NoEligibleDeploymentException;
import dev.switchboard.api.RequestExceedsLimitException;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.cost.JtokkitTokenCounter;
import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.state.RateLimits;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four characters a token counts Chinese at a fraction of its tokens. Routing's features keep that rule, but
 * the context window, the cost ceiling and the reservations count such a prompt with a vocabulary, so it
 * is neither sent to a window too small for it nor admitted past a key's tokens per minute.
 */
class NonLatinPromptTokensTest {

    private final JtokkitTokenCounter vocabulary = new JtokkitTokenCounter();

    /** {@code length} different CJK ideographs: no common words for the vocabulary to merge. */
    private static String chinese(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(0x4E00 + (i * 7919) % 20_000);
        }
        return text.toString();
    }

    @Test
    void aChinesePromptIsRoutedForItsVocabularyCountWhileItsAnalysisKeepsTheRuleOfThumb() {
        String prompt = chinese(2_000);
        int counted = vocabulary.count("", prompt).tokens();
        assertTrue(counted > 2_000, "each rare ideograph is a token or more: " + counted);

        RoutingDecision decision = CoreFixture.builtInLineUp(0, 0, 0).decisions()
                .decide(prompt, 100, false, RoutingPreferences.NONE, Caller.ANONYMOUS);

        assertEquals(500, decision.analysis().tokenCount(), "the routing features are unchanged");
        assertEquals(counted, decision.promptTokens());
    }

    @Test
    void anAsciiPromptIsCountedAsBefore() {
        String prompt = "Explain the difference between a process and a thread. ".repeat(20);

        RoutingDecision decision = CoreFixture.builtInLineUp(0, 0, 0).decisions()
                .decide(prompt, 100, false, RoutingPreferences.NONE, Caller.ANONYMOUS);

        assertEquals(decision.analysis().tokenCount(), decision.promptTokens());
        assertEquals((prompt.length() + 3) / 4, decision.promptTokens());
    }

    @Test
    void aChinesePromptTooLongForEveryContextWindowIsA422ThoughItsCharactersOverFourWouldFit() {
        // 8,000 characters are 2,000 by the rule of thumb, well inside the fixture's 8,192-token windows.
        String prompt = chinese(8_000);

        NoEligibleDeploymentException e = assertThrows(NoEligibleDeploymentException.class,
                () -> CoreFixture.builtInLineUp(0, 0, 0).decisions()
                        .decide(prompt, 1000, false, RoutingPreferences.NONE, Caller.ANONYMOUS));

        assertTrue(e.getMessage().contains("context window of 8192 tokens is smaller than"), e.getMessage());
    }

    @Test
    void aChinesePromptIsReservedAtItsVocabularyCountAgainstTheKeysTokensPerMinute() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller limited = new Caller("erin", "vk_erin", null, new RateLimits(null, 1_500L), false);
        // 1,600 characters: 400 tokens by the rule of thumb, 500 with the answer's 100, under the limit.
        CompleteRequest request = new CompleteRequest(chinese(1_600), 100, false, null);

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.completions().complete(request, limited));

        assertTrue(e.getMessage().contains("more than this key's limit of 1500 per minute"), e.getMessage());
    }

    @Test
    void aChatsChineseToolCallArgumentsAreReservedAtTheirVocabularyCount() {
        CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
        Caller limited = new Caller("erin", "vk_erin", null, new RateLimits(null, 1_500L), false);
        String arguments = "{\"query\":\"" + chinese(1_600) + "\"}";
        ChatCompletionRequest request = new ChatCompletionRequest(null, List.of(
                ChatMessage.user("Search for this."),
                new ChatMessage("assistant", "", List.of(new ToolCall("call_1", "search", arguments)), null),
                new ChatMessage("tool", "no results", List.of(), "call_1"),
                ChatMessage.user("Try again.")), 100, null, List.of(), false, false, false,
                new RoutingPreferences(null, null, null, null, List.of(), List.of(), Set.of()));

        RequestExceedsLimitException e = assertThrows(RequestExceedsLimitException.class,
                () -> fixture.chatCompletions().complete(request, limited));

        assertTrue(e.getMessage().contains("more than this key's limit of 1500 per minute"), e.getMessage());
    }
}
