package dev.switchboard.ledger.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes rows in groups without changing what a caller sees: {@link #write} returns only once its
 * own row is written, and throws what writing that row threw. Callers that arrive while a group is
 * being written queue up, and the next of them to get the writer's turn writes everything queued in
 * one batch. Alone, a caller writes its row itself, as before. A batch that fails is written again
 * row by row, so one bad row fails only its own caller; the batch writer must therefore leave nothing
 * of a batch that fails (one transaction).
 *
 * @param <T> what a row is
 */
final class GroupCommit<T> {

    private final Consumer<List<T>> writeAll;
    private final Consumer<T> writeOne;
    private final ReentrantLock writer = new ReentrantLock();
    private final Object queueLock = new Object();
    private List<Pending<T>> queue = new ArrayList<>();

    GroupCommit(Consumer<List<T>> writeAll, Consumer<T> writeOne) {
        this.writeAll = Objects.requireNonNull(writeAll, "writeAll");
        this.writeOne = Objects.requireNonNull(writeOne, "writeOne");
    }

    /** Writes {@code row}, alone or with the rows queued beside it; throws what writing it threw. */
    void write(T row) {
        Pending<T> mine = new Pending<>(row);
        synchronized (queueLock) {
            queue.add(mine);
        }
        writer.lock();
        try {
            if (!mine.done) {
                List<Pending<T>> group;
                synchronized (queueLock) {
                    group = queue;
                    queue = new ArrayList<>();
                }
                writeGroup(group);
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure instanceof Error error) {
            throw error;
        }
        if (mine.failure != null) {
            throw (RuntimeException) mine.failure;
        }
    }

    /** Rows waiting for the writer's turn: for tests. */
    int queued() {
        synchronized (queueLock) {
            return queue.size();
        }
    }

    private void writeGroup(List<Pending<T>> group) {
        if (group.size() == 1) {
            writeAlone(group.get(0));
            return;
        }
        List<T> rows = new ArrayList<>(group.size());
        for (Pending<T> pending : group) {
            rows.add(pending.row);
        }
        try {
            writeAll.accept(rows);
            for (Pending<T> pending : group) {
                pending.done = true;
            }
        } catch (RuntimeException | Error e) {
            // Normally nothing of the batch landed (one transaction): each row is written again alone,
            // and only a refused one fails (an Error too: left unwritten and unfailed, the others' callers
            // would return as if their rows were written). After a commit whose outcome is unclear, rows that did land
            // fail as duplicates, and the caller's outbox finds them in the ledger instead of writing them twice.
            for (Pending<T> pending : group) {
                writeAlone(pending);
            }
        }
    }

    private void writeAlone(Pending<T> pending) {
        try {
            writeOne.accept(pending.row);
        } catch (RuntimeException | Error e) {
            pending.failure = e;
        }
        pending.done = true;
    }

    /** A queued row; its fields are written and read under the writer's lock. */
    private static final class Pending<T> {
        private final T row;
        private boolean done;
        private Throwable failure;

        Pending(T row) {
            this.row = row;
        }
    }
}
