package dev.switchboard.eval;

/**
 * A router whose trained state the gateway can load, so that what routing-eval measured is what serves:
 * {@code --save-state} writes {@link #state()} to a file.
 */
public interface StatefulRouter extends RouterUnderTest {

    /** The trained state in the byte form its runtime reads back; only after {@link #train}. */
    byte[] state();
}
