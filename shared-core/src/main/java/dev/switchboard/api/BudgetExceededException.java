package dev.switchboard.api;

import java.time.Duration;

/** 402: the request could cost more than what is left of a budget; the message names which. */
public final class BudgetExceededException extends RefusedUntilException {

    public BudgetExceededException(String message, Duration retryAfter) {
        super(402, "budget_exceeded", message, retryAfter);
    }
}
