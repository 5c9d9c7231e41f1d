package dev.switchboard.service;

import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.ledger.LedgerOutbox;
import dev.switchboard.ledger.PacedTask;
import dev.switchboard.ledger.RequestLedger;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Writes a request's ledger row so that it is not lost when the ledger is down: a row the ledger
 * refuses is parked in the {@link LedgerOutbox} (DynamoDB), and parked rows are handed to the ledger
 * again, oldest first, once it takes rows again, at most once a minute per instance and off the
 * request's thread. A row the ledger already holds (its write landed though it seemed to fail) is
 * not written twice; one the ledger refuses while it answers stays parked without holding back the rest. Only when the outbox fails too is a row lost, and then its id, principal and
 * cost are logged so that it can be restored.
 */
@Singleton
public class LedgerWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);
    static final Duration DRAIN_EVERY = Duration.ofMinutes(1);
    static final int DRAIN_BATCH = 25;
    static final int DRAIN_PAGES = 4;

    private final RequestLedger ledger;
    private final LedgerOutbox outbox;
    private final PacedTask drains;
    /** Where the next turn goes on: after the last row a turn read when it stopped at its page limit. */
    private volatile LedgerEntry resumeAfter;

    @Inject
    public LedgerWriter(RequestLedger ledger, LedgerOutbox outbox, Clock clock,
                        @Named(TaskExecutors.IO) Executor drainer) {
        this.ledger = ledger;
        this.outbox = outbox;
        this.drains = new PacedTask(clock, DRAIN_EVERY, Instant.MIN, drainer, this::drain);
    }

    /** Drains on the calling thread: for tests. */
    public LedgerWriter(RequestLedger ledger, LedgerOutbox outbox, Clock clock) {
        this(ledger, outbox, clock, Runnable::run);
    }

    /** Writes {@code entry}: true when the ledger has it now; false when it was parked (or, failing that, lost). */
    public boolean record(LedgerEntry entry) {
        try {
            ledger.append(entry);
        } catch (RuntimeException e) {
            LOG.error("ledger write failed for request {}: {}", entry.id(), e.getClass().getSimpleName());
            park(entry);
            return false;
        }
        drains.ask();
        return true;
    }

    private void park(LedgerEntry entry) {
        try {
            outbox.park(entry);
            LOG.warn("ledger row of request {} parked in the outbox until the ledger takes rows again", entry.id());
        } catch (RuntimeException e) {
            LOG.error("ledger row LOST (ledger and outbox both failed): request={} principal={} cost={} at={}",
                    entry.id(), entry.principal(), entry.cost(), entry.createdAt());
        }
    }

    /**
     * Hands parked rows back, oldest first, a page at a time and at most {@link #DRAIN_PAGES} pages a turn,
     * reading past the rows the ledger refuses so that they hold back none after them: a turn that stops at
     * its page limit leaves the next one to go on after its last row, and one that reaches the end leaves
     * the next to start again from the oldest. While more wait, the next written row drains again, but
     * only after a turn that wrote something.
     */
    private void drain() {
        try {
            int written = 0;
            boolean more = false;
            LedgerEntry from = resumeAfter;
            List<LedgerEntry> parked = from == null ? outbox.oldest(DRAIN_BATCH) : outbox.after(from, DRAIN_BATCH);
            LedgerEntry last = null;
            // A row the ledger could not be asked about: unreachable, or a failure of that row alone.
            LedgerEntry unanswered = null;
            for (int page = 1; !parked.isEmpty(); page++) {
                for (LedgerEntry entry : parked) {
                    HandOver result = handOver(entry);
                    if (result == HandOver.UNREACHABLE) {
                        if (unanswered != null) {
                            return; // two in a row: the ledger is down
                        }
                        unanswered = entry;
                        continue;
                    }
                    if (unanswered != null) {
                        refused(unanswered); // the ledger answers this row: the one before failed on its own
                        unanswered = null;
                    }
                    if (result == HandOver.WRITTEN) {
                        outbox.remove(entry);
                        written++;
                    } else {
                        refused(entry);
                    }
                }
                last = parked.get(parked.size() - 1);
                if (parked.size() < DRAIN_BATCH) {
                    break;
                }
                if (page == DRAIN_PAGES) {
                    more = true;
                    break;
                }
                parked = outbox.after(last, DRAIN_BATCH);
            }
            resumeAfter = more ? last : null;
            if (written > 0) {
                LOG.info("{} parked ledger row(s) written to the ledger", written);
                if (more) {
                    drains.dueNow(); // more wait: the next written row drains again
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("draining the ledger outbox failed: {}", e.getMessage());
        }
    }

    /** The ledger answers but will not take this row: it stays, and the rows parked after it still go in. */
    private static void refused(LedgerEntry entry) {
        LOG.error("the ledger refuses parked row of request {} though it answers; it stays in the outbox "
                + "(principal={} cost={} at={})", entry.id(), entry.principal(), entry.cost(), entry.createdAt());
    }

    /** Whether the ledger holds {@code entry} now (written here or before), refused it, or could not be asked. */
    private HandOver handOver(LedgerEntry entry) {
        try {
            ledger.append(entry);
            return HandOver.WRITTEN;
        } catch (RuntimeException e) {
            try {
                return ledger.find(entry.id()).isPresent() ? HandOver.WRITTEN : HandOver.REFUSED;
            } catch (RuntimeException unreachable) {
                return HandOver.UNREACHABLE;
            }
        }
    }

    private enum HandOver { WRITTEN, REFUSED, UNREACHABLE }
}
