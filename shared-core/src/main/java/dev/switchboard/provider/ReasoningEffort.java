package dev.switchboard.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenAI's {@code reasoning_effort}: how much a reasoning model thinks before it answers, from none at
 * all to the most its newest models offer. Only deployments with the reasoning capability are offered
 * a request that sets one; each protocol says it in its own words, or not at all.
 */
public enum ReasoningEffort {
    NONE, MINIMAL, LOW, MEDIUM, HIGH, XHIGH;

    /** OpenAI's word for this effort. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The effort OpenAI's {@code word} names, if it names one. */
    public static Optional<ReasoningEffort> of(String word) {
        return Arrays.stream(values()).filter(effort -> effort.wireName().equals(word)).findFirst();
    }
}
