package dev.switchboard.service;

import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.api.RequestNotFoundException;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LessonTakenException;
import dev.switchboard.ledger.RequestLedger;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * POST /feedback: records a rating or quality score for a request its caller sent, with what it teaches
 * the difficulty learner ({@link FeedbackLesson}). The learner learns from a request once, however often
 * it is rated, so that repeating a rating does not weigh it more; a request whose answer was an
 * {@link ObservedFailure} has taught already, so feedback on it teaches nothing more. Nothing is taught here: every instance,
 * this one included, learns the lesson from the ledger row within a minute ({@link LedgerLearning}), so
 * that all of them learn it, and none twice.
 */
@Singleton
public class FeedbackService {

    private static final String ALREADY_TAUGHT = "an earlier feedback on this request already taught the learner";

    private final RequestLedger ledger;
    private final RequestIds ids;
    private final Clock clock;

    public FeedbackService(RequestLedger ledger, RequestIds ids, Clock clock) {
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    public FeedbackResponse submit(FeedbackRequest feedback, Caller caller) {
        LedgerEntry row = LedgerCalls.of(() -> ledger.find(feedback.requestId()), LedgerCalls.FEEDBACK)
                .filter(r -> caller.admin() || r.principal().equals(caller.principal()))
                .orElseThrow(() -> new RequestNotFoundException(feedback.requestId()));
        FeedbackLesson lesson = FeedbackLesson.of(row, feedback);
        if (lesson.teaches() && row.learnerOutcome() != null) {
            // The answer was an observed failure: the request taught the learner when it was answered.
            lesson = FeedbackLesson.none("this request already taught the learner when it was answered ("
                    + row.learnerNote() + ")");
        } else if (lesson.teaches()
                && LedgerCalls.of(() -> ledger.learnerOutcomes(row.id()), LedgerCalls.FEEDBACK) > 0) {
            lesson = FeedbackLesson.none(ALREADY_TAUGHT);
        }
        FeedbackEntry entry = new FeedbackEntry(ids.next(), row.id(), clock.instant(), caller.principal(),
                feedback.rating(), feedback.qualityScore(), feedback.comment(), lesson.outcome());
        try {
            append(entry);
        } catch (LessonTakenException raced) {
            // Another feedback on this request, taken at the same moment elsewhere, recorded its lesson first.
            lesson = FeedbackLesson.none(ALREADY_TAUGHT);
            entry = new FeedbackEntry(entry.id(), entry.requestId(), entry.createdAt(), entry.principal(),
                    entry.rating(), entry.qualityScore(), entry.comment(), null);
            append(entry);
        }
        return new FeedbackResponse(entry.id(), row.id(), entry.createdAt().toString(), entry.rating(),
                entry.qualityScore(), entry.comment(), row.provider(), row.model(), row.tier(), row.strategy(),
                lesson.outcome(), lesson.note());
    }

    private void append(FeedbackEntry entry) {
        LedgerCalls.of(() -> {
            ledger.appendFeedback(entry);
            return null;
        }, LedgerCalls.FEEDBACK);
    }
}
