package dev.switchboard.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

/** A fresh in-memory H2 ledger URL per call, in the PostgreSQL mode the local gateway uses. */
public final class H2Ledger {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private H2Ledger() {
    }

    public static String freshUrl() {
        return "jdbc:h2:mem:ledger-" + NEXT.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
