package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A few lessons on prompts unlike anything the learner was fitted on (a user rating their own chat
 * answers) must not re-route the prompts it knows: one step on a far-off prompt is scaled down to the
 * size of a step on a typical one, while lessons on the prompts it knows keep their full weight.
 */
class OnlineLessonsStayLocalTest {

    private static final String KNOWN = "Natalia sold clips to 48 of her friends in April, and then she sold half as "
            + "many clips in May. How many clips did Natalia sell altogether in April and May?";
    private static final List<String> FAR_OFF = List.of(
            "Write a SQL query that returns the ten newest orders with their customer's name and e-mail, "
                    + "joined on customer_id, sorted by created_at descending; explain each clause in detail.",
            "Summarise these meeting notes:\n- budget approved\n- hiring paused until Q3\n- launch moved\n"
                    + "- the vendor contract (see §4.2, §7) needs legal review by Friday; owners: A, B, C.",
            "Translate this sentence to German: 'The train to Berlin leaves at 7:45 from platform 9¾.'",
            "Refactor this function:\n```python\ndef f(x):\n    if x>0:\n        return [i*i for i in range(x)]\n"
                    + "    else:\n        return []\n```\nMake it idiomatic, typed, and add docstrings.");

    /** The learner the README's evaluator command saves, fitted on RouteLLM's GSM8K and MMLU outcomes. */
    private static LogisticDifficultyLearner fittedOnRouteLlm() {
        try (InputStream in = OnlineLessonsStayLocalTest.class.getResourceAsStream(
                "/fixtures/learner/routellm-gsm8k-mmlu.state")) {
            return LogisticDifficultyLearner.fromBytes(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fourFarOffLessonsBarelyMoveAKnownPrompt() {
        LogisticDifficultyLearner learner = fittedOnRouteLlm();
        double before = learner.estimate(KNOWN).failureProbability();

        FAR_OFF.forEach(prompt -> learner.observe(prompt, true));

        double after = learner.estimate(KNOWN).failureProbability();
        System.out.printf("known prompt: %.3f -> %.3f%n", before, after);
        assertTrue(Math.abs(after - before) < 0.05, before + " -> " + after);
    }

    @Test
    void lessonsOnTheKnownPromptStillMoveIt() {
        LogisticDifficultyLearner learner = fittedOnRouteLlm();
        double before = learner.estimate(KNOWN).failureProbability();

        for (int i = 0; i < 4; i++) {
            learner.observe(KNOWN, true);
        }

        double after = learner.estimate(KNOWN).failureProbability();
        System.out.printf("taught prompt: %.3f -> %.3f%n", before, after);
        assertTrue(after > before + 0.02, before + " -> " + after);
    }
}
