package dev.switchboard.observability;

import dev.switchboard.testsupport.EmfDocuments;
import dev.switchboard.testsupport.LogLines;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PromptLogTest {

    private static final String PROMPT = "summarise canary-Pp31 for me";

    @AfterEach
    void clearThisThreadsContext() {
        MDC.clear();
    }

    @Test
    void byDefaultNoPromptIsLogged() {
        try (LogLines logs = new LogLines()) {
            new PromptLog(false).received(PROMPT);
            PromptLog.OFF.received(PROMPT);

            assertFalse(String.join("\n", logs.lines()).contains("canary-Pp31"), logs.lines().toString());
        }
    }

    @Test
    void whenTheOperatorTurnsItOnEachPromptIsOneLineWithItsRequestId() {
        try (LogLines logs = new LogLines()) {
            PromptLog on = new PromptLog(true);
            RequestLogContext.enter("req-9");
            on.received(PROMPT);

            List<JsonNode> prompts = logs.jsonLines().stream().map(EmfDocuments::parse)
                    .filter(line -> PromptLog.MESSAGE.equals(line.get("message").getStringValue())).toList();
            assertEquals(1, prompts.size(), logs.jsonLines().toString());
            assertEquals(PROMPT, prompts.get(0).get("prompt").getStringValue());
            assertEquals("req-9", prompts.get(0).get("request_id").getStringValue());
            assertEquals(1, logs.at("WARN").stream().filter(l -> l.contains("prompt logging is ON")).count());
        }
    }
}
