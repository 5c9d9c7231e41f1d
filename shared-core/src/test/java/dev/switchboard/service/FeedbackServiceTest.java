package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.api.RequestNotFoundException;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback on requests answered through the real completion path, with the fixture's real learner, which
 * learns from the ledger's lessons when {@link LedgerLearning} reads them (here on the test's thread).
 */
class FeedbackServiceTest {

    private static final String PROMPT = "What is Python?";

    private final CoreFixture fixture = CoreFixture.builtInLineUp(0, 0, 0);
    private final FeedbackService feedback = new FeedbackService(fixture.ledger, fixture.ids, fixture.clock);
    private final LedgerLearning learning = new LedgerLearning(fixture.learner, () -> fixture.ledger, fixture.clock,
            Runnable::run);

    /** The outcomes the learner has seen once it has read the ledger. */
    private long learnedExamples() {
        learning.refresh();
        return fixture.learner.estimate(PROMPT).examples();
    }

    private String answered(String prompt, Caller caller) {
        CompleteResponse response = fixture.completions().complete(new CompleteRequest(prompt, 1000, false, null),
                caller);
        return response.routingMetadata().requestId();
    }

    @Test
    void theLedgerRowKeepsWhatTheLearnerNeedsButNoPromptText() {
        String id = answered(PROMPT, CoreFixture.ALICE);

        LedgerEntry row = fixture.ledger.find(id).orElseThrow();

        assertEquals("economy", row.tier());
        assertEquals("gemini/gemini-1.5-flash", row.firstChoice());
        assertNotNull(LearnerFeatureText.decode(row.learnerFeatures()).orElse(null));
        assertTrue(!row.learnerFeatures().contains("Python"));
    }

    @Test
    void aLowRatingOnAnEconomyAnswerTeachesTheLearnerThatTheWeakModelFailed() {
        String id = answered(PROMPT, CoreFixture.ALICE);
        double before = fixture.learner.estimate(PROMPT).failureProbability();
        assertEquals(0, fixture.learner.estimate(PROMPT).examples());

        FeedbackResponse response = feedback.submit(new FeedbackRequest(id, 1, null, "wrong"), CoreFixture.ALICE);

        assertEquals(FeedbackEntry.WEAK_FAILED, response.learnerOutcome());
        assertEquals(0, fixture.learner.estimate(PROMPT).examples(), "submitting teaches nothing directly");
        assertEquals(1, learnedExamples());
        assertNotEquals(before, fixture.learner.estimate(PROMPT).failureProbability());
        assertEquals("gemini", response.provider());
        assertEquals("wrong", fixture.ledger.feedback.get(0).comment());
        assertEquals(CoreFixture.NOW.toString(), response.createdAt());
    }

    @Test
    void aHighScoreTeachesSuccessAndARequestTeachesOnlyOnce() {
        String id = answered(PROMPT, CoreFixture.ALICE);

        FeedbackResponse first = feedback.submit(new FeedbackRequest(id, null, 0.9, null), CoreFixture.ALICE);
        FeedbackResponse again = feedback.submit(new FeedbackRequest(id, 5, null, null), CoreFixture.ALICE);

        assertEquals(FeedbackEntry.WEAK_SUCCEEDED, first.learnerOutcome());
        assertNull(again.learnerOutcome());
        assertTrue(again.learnerNote().contains("already"));
        assertEquals(1, learnedExamples());
        assertEquals(2, fixture.ledger.feedback.size(), "one row per submission");
    }

    @Test
    void twoFeedbacksRacingOnOneRequestRecordOneLessonAndTheLoserIsToldSo() {
        String id = answered(PROMPT, CoreFixture.ALICE);
        fixture.ledger.oneLessonPerRequest = true;
        // Another instance's lesson on the same request commits between this one's check and its write.
        fixture.ledger.appendFeedback(new FeedbackEntry("other", id, CoreFixture.NOW, "alice", 5, null, null,
                FeedbackEntry.WEAK_SUCCEEDED));
        RequestLedger sawNoLesson = (RequestLedger) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RequestLedger.class}, (proxy, method, args) -> method.getName().equals("learnerOutcomes")
                        ? 0L : invoke(method, fixture.ledger, args));

        FeedbackResponse late = new FeedbackService(sawNoLesson, fixture.ids, fixture.clock)
                .submit(new FeedbackRequest(id, 1, null, null), CoreFixture.ALICE);

        assertNull(late.learnerOutcome());
        assertTrue(late.learnerNote().contains("already"), late.learnerNote());
        assertEquals(2, fixture.ledger.feedback.size(), "the rating is kept, without a lesson");
        assertNull(fixture.ledger.feedback.get(1).learnerOutcome());
        assertEquals(1, learnedExamples());
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void neutralOrConflictingFeedbackTeachesNothing() {
        String id = answered(PROMPT, CoreFixture.ALICE);

        assertNull(feedback.submit(new FeedbackRequest(id, 3, null, null), CoreFixture.ALICE).learnerOutcome());
        assertNull(feedback.submit(new FeedbackRequest(id, 1, 0.95, null), CoreFixture.ALICE).learnerOutcome());
        assertNull(feedback.submit(new FeedbackRequest(id, null, 0.6, null), CoreFixture.ALICE).learnerOutcome());
        FeedbackResponse mixed = feedback.submit(new FeedbackRequest(id, 3, 0.2, null), CoreFixture.ALICE);
        assertNull(mixed.learnerOutcome(), "a neutral rating beside a clear score is a mixed signal");
        assertTrue(mixed.learnerNote().contains("neither clearly good nor clearly bad"), mixed.learnerNote());
        assertNull(feedback.submit(new FeedbackRequest(id, 5, 0.6, null), CoreFixture.ALICE).learnerOutcome());
        assertEquals(0, learnedExamples());
    }

    @Test
    void aCacheHitTeachesNothingSinceTheFreshAnswerItRepeatsIsTheLesson() {
        fixture.cacheSettings = CacheSettings.defaults().withEnabled(true);
        answered(PROMPT, CoreFixture.ALICE);
        String hit = answered(PROMPT, CoreFixture.ALICE);
        assertTrue(fixture.ledger.find(hit).orElseThrow().cacheHit(), "the second answer came from the cache");

        FeedbackResponse response = feedback.submit(new FeedbackRequest(hit, 1, null, null), CoreFixture.ALICE);

        assertNull(response.learnerOutcome());
        assertTrue(response.learnerNote().contains("cache"), response.learnerNote());
        assertEquals(0, learnedExamples());
    }

    @Test
    void anAnswerFromAStrongerTierTeachesNothing() {
        String id = answered(PROMPT, CoreFixture.ALICE);
        LedgerEntry row = fixture.ledger.find(id).orElseThrow();
        fixture.ledger.rows.set(0, new LedgerEntry(row.id(), row.createdAt(), row.principal(), row.endpoint(),
                row.strategy(), row.confidence(), row.pattern(), row.complexity(), "openai", "gpt-4o", row.tokensIn(),
                row.tokensOut(), row.cost(), row.baselineCost(), row.priced(), row.latencyMs(), row.cacheHit(),
                row.fallbackUsed(), row.attempts(), row.status(), row.errorType(), "premium", row.firstChoice(),
                row.learnerFeatures()));

        FeedbackResponse response = feedback.submit(new FeedbackRequest(id, 1, null, null), CoreFixture.ALICE);

        assertNull(response.learnerOutcome());
        assertTrue(response.learnerNote().contains("premium"), response.learnerNote());
        assertEquals(0, learnedExamples());
    }

    @Test
    void anUnknownRequestIsNotFound() {
        ApiException e = assertThrows(RequestNotFoundException.class,
                () -> feedback.submit(new FeedbackRequest("no-such-id", 4, null, null), CoreFixture.ALICE));

        assertEquals(404, e.status());
        assertEquals("not_found", e.type());
        assertEquals("request_id", e.field());
    }

    @Test
    void someoneElsesRequestIsNotFoundButTheAdminMayRateAny() {
        String id = answered(PROMPT, CoreFixture.ALICE);
        Caller bob = new Caller("bob", null, null, null, false);

        ApiException e = assertThrows(RequestNotFoundException.class,
                () -> feedback.submit(new FeedbackRequest(id, 1, null, null), bob));
        FeedbackResponse admin = feedback.submit(new FeedbackRequest(id, 5, null, null),
                new Caller("admin", null, null, null, true));

        assertEquals(new RequestNotFoundException("no-such-id").status(), e.status());
        assertEquals(1, fixture.ledger.feedback.size(), "bob's feedback was not stored");
        assertEquals(id, admin.requestId());
        assertEquals("admin", fixture.ledger.feedback.get(0).principal());
    }

    @Test
    void aLedgerOutageIs503AndTeachesNothing() {
        String id = answered(PROMPT, CoreFixture.ALICE);
        fixture.ledger.down = true;

        ApiException e = assertThrows(ApiException.class,
                () -> feedback.submit(new FeedbackRequest(id, 1, null, null), CoreFixture.ALICE));

        assertEquals(503, e.status());
        assertEquals("ledger_unavailable", e.type());
        assertEquals(0, learnedExamples(), "a read during the outage fails quietly and teaches nothing");
        fixture.ledger.down = false;
        assertEquals(0, learnedExamples(), "nothing was recorded, so nothing is learned afterwards");
    }
}
