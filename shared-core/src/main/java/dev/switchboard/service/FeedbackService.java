package dev.switchboard.service;

import dev.switchboard.api.FeedbackRequest;
import dev.switchboard.api.FeedbackResponse;
import dev.switchboard.api.LedgerUnavailableException;
import dev.switchboard.api.RequestNotFoundException;
import dev.switchboard.ledger.FeedbackEntry;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.RequestLedger;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.function.LongSupplier;

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

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackService.class);

    private final RequestLedger ledger;
    private final RequestIds ids;
    private final Clock clock;

    public FeedbackService(RequestLedger ledger, RequestIds ids, Clock clock) {
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    public FeedbackResponse submit(FeedbackRequest feedback, Caller caller) {
        LedgerEntry row = find(feedback.requestId())
                .filter(r -> caller.admin() || r.principal().equals(caller.principal()))
                .orElseThrow(() -> new RequestNotFoundException(feedback.requestId()));
        FeedbackLesson lesson = FeedbackLesson.of(row, feedback);
        if (lesson.teaches() && row.learnerOutcome() != null) {
            // The answer was an observed failure: the request taught the learner when it was answered.
            lesson = FeedbackLesson.none("this request already taught the learner when it was answered ("
                    + row.learnerNote() + ")");
        } else if (lesson.teaches() && ledgerCall(() -> ledger.learnerOutcomes(row.id())) > 0) {
            lesson = FeedbackLesson.none("an earlier feedback on this request already taught the learner");
        }
        FeedbackEntry entry = new FeedbackEntry(ids.next(), row.id(), clock.instant(), caller.principal(),
                feedback.rating(), feedback.qualityScore(), feedback.comment(), lesson.outcome());
        ledgerCall(() -> {
            ledger.appendFeedback(entry);
            return 0L;
        });
        return new FeedbackResponse(entry.id(), row.id(), entry.createdAt().toString(), entry.rating(),
                entry.qualityScore(), entry.comment(), row.provider(), row.model(), row.tier(), row.strategy(),
                lesson.outcome(), lesson.note());
    }

    private Optional<LedgerEntry> find(String requestId) {
        try {
            return ledger.find(requestId);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private long ledgerCall(LongSupplier call) {
        try {
            return call.getAsLong();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static LedgerUnavailableException unavailable(RuntimeException e) {
        // The class name only: a driver's message may quote the statement and its values.
        LOG.error("ledger unavailable for feedback: {}", e.getClass().getSimpleName());
        return new LedgerUnavailableException("The ledger is unreachable; the feedback was not recorded");
    }
}
