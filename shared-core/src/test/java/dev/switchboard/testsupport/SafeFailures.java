package dev.switchboard.testsupport;

import dev.switchboard.provider.ProviderException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What every provider failure must be: about its provider, with a message, and without a secret or the upstream's text. */
public final class SafeFailures {

    /** What wire tests put in an upstream's error text: a message that says it must not be echoed. */
    public static final String UPSTREAM_SAYS = "upstream says";

    private SafeFailures() {
    }

    public static void assertSafe(ProviderException e, String provider, String secret) {
        assertNotNull(e.getMessage());
        assertFalse(e.getMessage().contains(secret), "a secret reached an exception message: " + e.getMessage());
        assertFalse(e.getMessage().contains(UPSTREAM_SAYS), "the upstream's error text was echoed: " + e.getMessage());
        assertEquals(provider, e.provider());
    }
}
