package dev.switchboard.service;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.SharedTestClock;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two instances (application contexts) over one ledger, as two Lambda functions share one database:
 * feedback given to one teaches the other once it has read the ledger, and neither learns a lesson twice,
 * however often it reads.
 */
class TwoInstancesShareLearningTest {

    private static final int LESSONS = 12;
    private static final RoutingPreferences LEARNING = new RoutingPreferences("learning", null, null, null,
            List.of(), List.of(), Set.of());

    private final String ledgerUrl = H2Ledger.freshUrl();
    private final ApplicationContext receiving = start();
    private final ApplicationContext routing = start();

    private ApplicationContext start() {
        return ApplicationContext.run(Map.of("datasources.default.url", ledgerUrl,
                "switchboard.state.store", "memory", SharedTestClock.PROPERTY, "true",
                // Few lessons are enough for a test: the learner decides once it has seen them, however unsure.
                "switchboard.routing.learning.min-examples", String.valueOf(LESSONS),
                "switchboard.routing.learning.min-certainty", "0"));
    }

    @AfterEach
    void stop() {
        receiving.close();
        routing.close();
    }

    private static RoutingDecision learned(ApplicationContext instance, String prompt) {
        return instance.getBean(DecisionService.class).decide(prompt, 100, false, LEARNING, Caller.ANONYMOUS);
    }

    private static long examples(ApplicationContext instance, String prompt) {
        return instance.getBean(DifficultyLearner.class).estimate(prompt).examples();
    }

    @Test
    void feedbackGivenToOneInstanceTeachesTheOtherOnceAfterItsNextRead() {
        String prompt = "What is 99 plus two?";
        RoutingDecision before = learned(routing, prompt);
        assertEquals(0, examples(routing, prompt));

        for (int i = 0; i < LESSONS; i++) {
            CompleteResponse answer = receiving.getBean(CompletionService.class).complete(
                    new CompleteRequest("What is " + i + " plus two?", 100, false, null), CoreFixture.ALICE);
            FeedbackResponse feedback = receiving.getBean(FeedbackService.class).submit(
                    new FeedbackRequest(answer.routingMetadata().requestId(), 1, null, null), CoreFixture.ALICE);
            assertEquals(FeedbackEntry.WEAK_FAILED, feedback.learnerOutcome(), feedback.learnerNote());
        }
        SharedTestClock.CLOCK.advance(Duration.ofMinutes(1));
        routing.getBean(LedgerLearning.class).refresh();
        RoutingDecision after = learned(routing, prompt);

        assertEquals(LESSONS, examples(routing, prompt), "every lesson, once");
        assertNotEquals(before.strategyUsed(), after.strategyUsed(), before.reasoning() + " / " + after.reasoning());
        assertEquals("learning", after.strategyUsed(), after.reasoning());
        assertNotEquals(before.chosen().tier(), after.chosen().tier(), "the learned failures ask for a stronger tier");

        SharedTestClock.CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(0, routing.getBean(LedgerLearning.class).refresh(), "a later read applies nothing again");
        receiving.getBean(LedgerLearning.class).refresh();
        assertEquals(LESSONS, examples(receiving, prompt), "the receiving instance learns it the same way, once");
        assertEquals(LESSONS, routing.getBean(LedgerLearning.class).lessonsApplied());
        assertEquals(LESSONS, receiving.getBean(LedgerLearning.class).lessonsApplied());
    }
}
