package dev.switchboard.service;

import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveredAnswerTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static DeliveredAnswer text(FinishReason finish, boolean budgetFitted) {
        return new DeliveredAnswer("Paris.", List.of(), finish, false, budgetFitted, false);
    }

    private static DeliveredAnswer calling(String arguments, FinishReason finish) {
        return new DeliveredAnswer("", List.of(new ToolCall("c1", "get_weather", arguments)), finish, true, false, false);
    }

    @Test
    void aFinishedAnswerOrOneCutAtTheCallersOwnBudgetIsCached() {
        assertTrue(text(FinishReason.STOP, false).worthCaching(JSON));
        assertTrue(text(FinishReason.STOP, true).worthCaching(JSON));
        assertTrue(text(FinishReason.LENGTH, false).worthCaching(JSON), "max_tokens is in the key");
    }

    @Test
    void anAnswerCutAtTheDefaultBudgetIsNotCachedSinceThatBudgetWasTheAnsweringDeploymentsOwn() {
        assertFalse(text(FinishReason.LENGTH, true).worthCaching(JSON));
    }

    @Test
    void toolCallsAreCachedOnlyWithArgumentsThatAreJsonObjectsAtAnyTier() {
        assertTrue(calling("{\"city\":\"Paris\"}", FinishReason.TOOL_CALLS).worthCaching(JSON));
        assertTrue(calling("", FinishReason.TOOL_CALLS).worthCaching(JSON), "blank is a tool without parameters");
        assertFalse(calling("{\"city\":", FinishReason.TOOL_CALLS).worthCaching(JSON));
        assertFalse(calling("[1]", FinishReason.TOOL_CALLS).worthCaching(JSON));
        assertFalse(calling("{\"city\":", FinishReason.LENGTH).worthCaching(JSON), "a call cut by max_tokens");
    }

    @Test
    void emptyBlockedAndOddlyEndedAnswersAreNotCached() {
        assertFalse(new DeliveredAnswer(" ", List.of(), FinishReason.STOP, false, false, false).worthCaching(JSON));
        assertFalse(text(FinishReason.CONTENT_FILTER, false).worthCaching(JSON));
        assertFalse(text(FinishReason.OTHER, false).worthCaching(JSON));
    }
}
