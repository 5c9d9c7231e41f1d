package dev.switchboard.ledger.jdbc;

import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.testsupport.FixedTestClock;
import dev.switchboard.testsupport.LedgerEntries;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Observed failures on every ledger database: the V3 columns read back, and the learners' lesson query
 * returns request rows that carry a lesson together with feedback lessons, in one (created at, lesson id)
 * order that pages correctly whichever kind a page ends on. Ids are chosen so that their order is the same
 * under any collation (they differ first in a lower-case letter).
 */
abstract class ObservedLessonsLedgerContract extends LedgerContextContract {

    private static final Instant AT = RequestLedgerContract.NOW.minusSeconds(60);
    private static final String FEATURES = "1.0,2.5";
    private static final String NOTE = "the economy model's answer was empty";

    /** The ledger's clock a minute after the rows' NOW: they are written at once, their lessons dated by their rows. */
    @Override
    Map<String, Object> extraSettings() {
        return Map.of(FixedTestClock.PROPERTY, RequestLedgerContract.NOW.plusSeconds(60).toString());
    }

    /** An economy answer created at {@code at}, with an observed failure when {@code observed}; appended. */
    private String economy(String id, Instant at, boolean observed) {
        LedgerEntry e = LedgerEntries.ok(at).build();
        ledger.append(new LedgerEntry(id, at, "alice", e.endpoint(), e.strategy(), e.confidence(), e.pattern(),
                e.complexity(), "gemini", "gemini-1.5-flash", 10, observed ? 0 : 40, e.cost(), e.baselineCost(), true,
                100, false, false, 1, LedgerEntry.OK, null, "economy", "gemini/gemini-1.5-flash", FEATURES,
                observed ? FeedbackEntry.WEAK_FAILED : null, observed ? NOTE : null));
        return id;
    }

    private void feedback(String id, String requestId, Instant at, String outcome) {
        ledger.appendFeedback(new FeedbackEntry(id, requestId, at, "alice", 1, null, null, outcome));
    }

    private static List<String> ids(List<LearnerLesson> lessons) {
        return lessons.stream().map(LearnerLesson::lessonId).toList();
    }

    /** Every lesson after the start, read {@code limit} at a time as LedgerLearning pages. */
    private List<LearnerLesson> paged(int limit) {
        List<LearnerLesson> all = new ArrayList<>();
        Instant afterAt = Instant.EPOCH;
        String afterId = "";
        List<LearnerLesson> page;
        do {
            page = ledger.learnerLessons(afterAt, afterId, limit);
            all.addAll(page);
            if (!page.isEmpty()) {
                afterAt = page.get(page.size() - 1).createdAt();
                afterId = page.get(page.size() - 1).lessonId();
            }
        } while (page.size() == limit);
        return all;
    }

    @Test
    void aLessonAnOlderVersionWritesWithoutItsLessonTimeIsDatedOnWritingAndRead() {
        // The columns of V11: what a version from before lesson_at inserts while a deploy publishes this one.
        bean(JdbcOperations.class).execute(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO request_log (id, created_at, "
                    + "principal, endpoint, strategy, confidence, pattern, complexity, tokens_in, tokens_out, cost, "
                    + "baseline_cost, priced, latency_ms, cache_hit, fallback_used, attempts, status, tier, "
                    + "learner_features, learner_outcome, learner_note) VALUES (?, ?, 'alice', 'complete', "
                    + "'complexity', 'medium', 'general', 0.2, 10, 0, 0, 0, TRUE, 100, FALSE, FALSE, 1, 'ok', "
                    + "'economy', ?, ?, ?)")) {
                insert.setString(1, "r-older-version");
                insert.setTimestamp(2, Timestamp.from(AT));
                insert.setString(3, FEATURES);
                insert.setString(4, FeedbackEntry.WEAK_FAILED);
                insert.setString(5, NOTE);
                return insert.executeUpdate();
            }
        });
        economy("r-fine", AT, false);

        List<LearnerLesson> lessons = paged(10);

        assertEquals(List.of(LearnerLesson.OBSERVED_PREFIX + "r-older-version"), ids(lessons), "only the lesson");
        assertTrue(lessons.get(0).createdAt().isAfter(AT), "dated when the database wrote it, not lost: "
                + lessons.get(0).createdAt());
    }

    @Test
    void aRequestRowKeepsItsObservedFailure() {
        String id = economy("r-observed", AT, true);
        String fine = economy("r-fine", AT, false);

        LedgerEntry row = ledger.find(id).orElseThrow();

        assertEquals(FeedbackEntry.WEAK_FAILED, row.learnerOutcome());
        assertEquals(NOTE, row.learnerNote());
        assertNull(ledger.find(fine).orElseThrow().learnerOutcome());
        assertNull(ledger.find(fine).orElseThrow().learnerNote());
    }

    @Test
    void observedFailuresAndFeedbackLessonsComeInOneOrderAndPageAcrossBothKinds() {
        // At AT: a feedback lesson ordered before the observed one, the observed one, a feedback one after it.
        economy("r-observed-1", AT, true);
        feedback("a-feedback", economy("r-rated-1", AT.minusSeconds(5), false), AT, FeedbackEntry.WEAK_SUCCEEDED);
        feedback("z-feedback", economy("r-rated-2", AT.minusSeconds(5), false), AT, FeedbackEntry.WEAK_FAILED);
        economy("r-observed-2", AT.plusSeconds(1), true);
        feedback("m-feedback", economy("r-rated-3", AT, false), AT.plusSeconds(2), FeedbackEntry.WEAK_FAILED);
        feedback("b-taught-nothing", "r-rated-3", AT.plusSeconds(3), null);

        List<LearnerLesson> all = ledger.learnerLessons(Instant.EPOCH, "", 100);

        assertEquals(List.of("a-feedback", "observed-r-observed-1", "z-feedback", "observed-r-observed-2",
                "m-feedback"), ids(all));
        LearnerLesson observed = all.get(1);
        assertEquals(LearnerLesson.OBSERVED, observed.source());
        assertEquals("r-observed-1", observed.requestId());
        assertEquals(AT, observed.createdAt());
        assertEquals(FeedbackEntry.WEAK_FAILED, observed.learnerOutcome());
        assertEquals(FEATURES, observed.learnerFeatures());
        assertEquals(LearnerLesson.FEEDBACK, all.get(0).source());
        for (int limit = 1; limit <= 3; limit++) {
            assertEquals(ids(all), ids(paged(limit)), "pages of " + limit);
        }
        assertEquals(List.of("z-feedback", "observed-r-observed-2"),
                ids(ledger.learnerLessons(AT, "observed-r-observed-1", 2)), "a page that ended on an observed lesson");
        assertEquals(List.of("observed-r-observed-1", "z-feedback"),
                ids(ledger.learnerLessons(AT, "a-feedback", 2)), "a page that ended on a feedback lesson");
    }

    @Test
    void feedbackOnARequestThatTaughtByItsAnswerIsNoSecondLesson() {
        String id = economy("r-observed", AT, true);
        // As an instance that raced the check would record it: the ledger still lets the request teach once.
        feedback("f-late", id, AT.plusSeconds(30), FeedbackEntry.WEAK_SUCCEEDED);

        assertEquals(List.of("observed-r-observed"), ids(ledger.learnerLessons(Instant.EPOCH, "", 10)));
    }

    @Test
    void onlyAFreshEconomyAnswerWithFeaturesCanCarryALesson() {
        LedgerEntry e = LedgerEntries.ok(AT).build();

        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("x", AT, "alice", e.endpoint(),
                e.strategy(), e.confidence(), e.pattern(), e.complexity(), "openai", "gpt-4o", 10, 0, e.cost(),
                e.baselineCost(), true, 100, false, false, 1, LedgerEntry.OK, null, "premium", "openai/gpt-4o",
                FEATURES, FeedbackEntry.WEAK_FAILED, NOTE));
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("x", AT, "alice", e.endpoint(),
                e.strategy(), e.confidence(), e.pattern(), e.complexity(), "gemini", "gemini-1.5-flash", 10, 0,
                e.cost(), e.baselineCost(), true, 100, true, false, 0, LedgerEntry.OK, null, "economy",
                "gemini/gemini-1.5-flash", FEATURES, FeedbackEntry.WEAK_FAILED, NOTE));
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry("x", AT, "alice", e.endpoint(),
                e.strategy(), e.confidence(), e.pattern(), e.complexity(), "gemini", "gemini-1.5-flash", 10, 0,
                e.cost(), e.baselineCost(), true, 100, false, false, 1, LedgerEntry.OK, null, "economy",
                "gemini/gemini-1.5-flash", null, FeedbackEntry.WEAK_FAILED, NOTE));
    }
}
