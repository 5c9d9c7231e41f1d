package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Speed work on the decision path (engine, ranking, open circuits, scoring, hybrid) must change no
 * decision: every decision of {@link DecisionScenarios} must render exactly as recorded before it.
 */
class DecisionsStayTheSameTest {

    @Test
    void everyScenarioDecidesExactlyAsRecorded() throws IOException {
        List<String> recorded = golden();
        List<DecisionScenarios.Rendered> now = DecisionScenarios.renderAll();
        List<String> digests = DecisionScenarios.digests();

        assertEquals(DecisionScenarios.SCENARIOS * 3, recorded.size());
        assertEquals(recorded.size(), digests.size());
        for (int i = 0; i < recorded.size(); i++) {
            String decision = now.get(i).text();
            assertEquals(recorded.get(i), digests.get(i), () -> "decision changed; it is now: " + decision);
        }
    }

    private static List<String> golden() throws IOException {
        try (InputStream in = DecisionsStayTheSameTest.class.getResourceAsStream("/routing/decisions-golden.txt")) {
            if (in == null) {
                throw new IOException("decisions-golden.txt is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
