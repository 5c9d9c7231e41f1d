package dev.switchboard.service;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.routing.Tier;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.testsupport.CoreFixture;
import org.junit.jupiter.api.Test;

import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The response cache keeps answers that ended normally and say something; anything else is asked afresh. */
class OnlyWholeAnswersAreCachedTest {

    private static final CompleteRequest REQUEST = new CompleteRequest("Summarise the plot of Hamlet.", 100, false,
            null);

    @Test
    void aBlockedAnswerIsNotServedAgainFromTheCache() {
        ScriptedStreamAdapter blocked = ScriptedStreamAdapter.stoppedBy(FinishReason.CONTENT_FILTER);

        assertSecondCallIsAHit(blocked, false);
        assertEquals(2, blocked.calls.get(), "the same request was sent again");
    }

    @Test
    void anEmptyAnswerFromAStrongerTierIsNotCachedEither() {
        assertSecondCallIsAHit(ScriptedStreamAdapter.finishing(), false);
    }

    @Test
    void anAnswerThatEndedOddlyIsNotCached() {
        assertSecondCallIsAHit(ScriptedStreamAdapter.stoppedBy(FinishReason.OTHER, "half a"), false);
    }

    @Test
    void anAnswerCutAtMaxTokensIsCachedSinceMaxTokensIsInTheKey() {
        assertSecondCallIsAHit(ScriptedStreamAdapter.stoppedBy(FinishReason.LENGTH, "Hamlet, prince of"), true);
    }

    @Test
    void aFinishedAnswerIsCached() {
        assertSecondCallIsAHit(ScriptedStreamAdapter.finishing("A prince avenges his father."), true);
    }

    private static void assertSecondCallIsAHit(ScriptedStreamAdapter adapter, boolean hit) {
        CoreFixture fixture = new CoreFixture().adaptedProvider("scripted", adapter,
                deployment("claude-3-5-haiku-20241022", Tier.STANDARD));
        fixture.cacheSettings = CacheSettings.defaults();

        assertFalse(fixture.completions().complete(REQUEST, CoreFixture.ALICE).cacheHit());
        assertEquals(hit, fixture.completions().complete(REQUEST, CoreFixture.ALICE).cacheHit());
        assertTrue(adapter.calls.get() >= 1);
    }
}
