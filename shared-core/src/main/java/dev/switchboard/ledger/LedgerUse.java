package dev.switchboard.ledger;

/**
 * Told each time the ledger is written or read, so that work waiting for the ledger's next
 * use (a schema check put off at start-up, a look at whether its credentials were rotated) runs then.
 * An implementation returns at once: any work of its own goes off the caller's thread.
 */
public interface LedgerUse {

    void used();

    /**
     * Told when the ledger refused its credentials (SQLState class 28), on the thread that was refused.
     * Unlike {@link #used()} this may work on the caller's thread, briefly: on Lambda an instance may be
     * frozen as soon as its request is answered, before work handed to another thread is done.
     */
    default void credentialsRefused() {
    }
}
