package dev.switchboard.service;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Tier;
import dev.switchboard.routing.learning.FeatureVector;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which fresh answers are observed failures of the weak model, decided from the answer alone. */
class ObservedFailureTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final String FEATURES = LearnerFeatureText.encode(FeatureVector.of("What is 2 plus 2?").toArray());
    private static final ToolCall GOOD_CALL = new ToolCall("c1", "get_weather", "{\"city\":\"Paris\"}");

    private static Optional<ObservedFailure> judge(Tier tier, String features, DeliveredAnswer answer) {
        return ObservedFailure.judge(tier, features, answer, JSON);
    }

    private static Optional<ObservedFailure> economy(DeliveredAnswer answer) {
        return judge(Tier.ECONOMY, FEATURES, answer);
    }

    private static DeliveredAnswer text(String text, FinishReason finish) {
        return new DeliveredAnswer(text, List.of(), finish, false, false, false);
    }

    private static DeliveredAnswer calling(String argumentsJson, boolean toolsOffered) {
        return new DeliveredAnswer("", List.of(GOOD_CALL, new ToolCall("c2", "get_weather", argumentsJson)),
                FinishReason.TOOL_CALLS, toolsOffered, false, false);
    }

    @Test
    void anEmptyAnswerIsAnObservedFailureOfTheWeakModel() {
        ObservedFailure failure = economy(text("", FinishReason.STOP)).orElseThrow();

        assertEquals(FeedbackEntry.WEAK_FAILED, failure.outcome());
        assertEquals(ObservedFailure.EMPTY, failure.note());
    }

    @Test
    void aBlankAnswerIsEmptyToo() {
        assertEquals(Optional.of(new ObservedFailure(ObservedFailure.EMPTY)), economy(text(" \n\t ", FinishReason.STOP)));
        assertEquals(Optional.of(new ObservedFailure(ObservedFailure.EMPTY)), economy(text("", FinishReason.OTHER)));
    }

    @Test
    void toolCallArgumentsThatAreNotJsonAreAnObservedFailure() {
        assertEquals(Optional.of(new ObservedFailure(ObservedFailure.BAD_TOOL_ARGUMENTS)),
                economy(calling("{\"city\": \"Par", true)));
    }

    @Test
    void toolCallArgumentsThatAreJsonButNotAnObjectAreAnObservedFailure() {
        for (String notAnObject : List.of("[\"Paris\"]", "\"Paris\"", "42", "null")) {
            assertEquals(Optional.of(new ObservedFailure(ObservedFailure.BAD_TOOL_ARGUMENTS)),
                    economy(calling(notAnObject, true)), notAnObject);
        }
    }

    @Test
    void aFineAnswerIsNoFailure() {
        assertTrue(economy(text("4", FinishReason.STOP)).isEmpty());
        assertTrue(economy(calling("{}", true)).isEmpty(), "a call with an empty object of arguments is fine");
        assertTrue(economy(calling("", true)).isEmpty(), "blank arguments are the empty object (a tool without parameters)");
        assertTrue(economy(calling("  ", true)).isEmpty());
        assertTrue(economy(DeliveredAnswer.of(new ChatResponse("", "m", new Usage(3, 5), FinishReason.TOOL_CALLS,
                List.of(GOOD_CALL)), true, false, false)).isEmpty(), "tool calls without text are an answer");
    }

    @Test
    void toolCallsAreOnlyJudgedWhenTheRequestOfferedTools() {
        assertTrue(economy(calling("not json", false)).isEmpty());
    }

    @Test
    void anAnswerCutByMaxTokensOrStoppedByAFilterSaysNothingAboutDifficulty() {
        assertTrue(economy(text("", FinishReason.LENGTH)).isEmpty());
        assertTrue(economy(text("", FinishReason.CONTENT_FILTER)).isEmpty());
        assertTrue(economy(new DeliveredAnswer("", List.of(new ToolCall("c", "get_weather", "{\"ci")),
                FinishReason.LENGTH, true, false, false)).isEmpty(), "a call cut short by max_tokens is the caller's limit");
    }

    @Test
    void anEmptyAnswerTheCallerMayHaveAskedForTeachesNothing() {
        // {"stop": ["Hello"]} to "Say hello": the model's first word is the stop, and the answer is rightly empty.
        assertTrue(economy(new DeliveredAnswer("", List.of(), FinishReason.STOP, false, false, true)).isEmpty());
        assertEquals(Optional.of(new ObservedFailure(ObservedFailure.BAD_TOOL_ARGUMENTS)),
                economy(new DeliveredAnswer("", List.of(GOOD_CALL, new ToolCall("c2", "get_weather", "[1]")),
                        FinishReason.TOOL_CALLS, true, false, true)), "bad arguments are no stop's doing");
    }

    @Test
    void answersOfStrongerTiersTeachNothing() {
        assertTrue(judge(Tier.STANDARD, FEATURES, text("", FinishReason.STOP)).isEmpty());
        assertTrue(judge(Tier.PREMIUM, FEATURES, calling("not json", true)).isEmpty());
    }

    @Test
    void aPromptWithoutLearnerFeaturesTeachesNothing() {
        assertTrue(judge(Tier.ECONOMY, null, text("", FinishReason.STOP)).isEmpty());
        assertTrue(judge(Tier.ECONOMY, "1.0,2.0", text("", FinishReason.STOP)).isEmpty(), "not the learner's features");
    }

    @Test
    void theNoteNamesTheKindOfFailureAndNoTextOfTheAnswer() {
        ObservedFailure failure = economy(calling("{\"secret plan\": ", true)).orElseThrow();

        assertTrue(!failure.note().contains("secret"), failure.note());
        assertTrue(failure.note().length() <= 200, "fits learner_note");
    }
}
