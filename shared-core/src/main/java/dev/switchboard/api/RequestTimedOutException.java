package dev.switchboard.api;

import java.time.Duration;
import java.util.List;

/**
 * 504: the request's deadline ran out before any deployment answered, naming what was tried by then.
 * Distinct from 503 (every deployment failed in time): here a retry later, or a longer deadline, may help.
 */
public final class RequestTimedOutException extends DeploymentsFailedException {

    public RequestTimedOutException(Duration deadline, List<String> tried) {
        super(504, "timeout", "No provider answered within the request's deadline of " + seconds(deadline)
                + (tried.isEmpty() ? "" : "; tried " + String.join(", ", tried)), tried);
    }

    private static String seconds(Duration deadline) {
        return deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
    }
}
