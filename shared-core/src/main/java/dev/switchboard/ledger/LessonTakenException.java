package dev.switchboard.ledger;

import java.util.Locale;

/**
 * A feedback row that would teach the learner was refused because another row already holds its
 * request's lesson: a request teaches once, and the ledger's unique index says which row taught.
 */
public final class LessonTakenException extends RuntimeException {

    /** The unique index that admits one lesson per request (V5 migration). */
    static final String INDEX = "feedback_lesson_of";

    public LessonTakenException(String requestId) {
        super("request " + requestId + " has taught the learner already", null, false, false);
    }

    /** Whether {@code refused}, a failed insert, broke that index (its name is in each database's message). */
    public static boolean isLessonIndex(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(INDEX)) {
                return true;
            }
        }
        return false;
    }
}
