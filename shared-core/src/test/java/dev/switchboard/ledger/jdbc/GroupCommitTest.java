package dev.switchboard.ledger.jdbc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupCommitTest {

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<String> singles = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aLoneCallerWritesItsOwnRowAsASingleWrite() {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, singles::add);

        commit.write("a");

        assertEquals(List.of("a"), singles);
        assertTrue(batches.isEmpty());
    }

    @Test
    void rowsQueuedWhileAWriteIsUnderWayGoInOneBatchAndEveryCallerReturnsAfterItsRow() throws Exception {
        Gate gate = new Gate();
        GroupCommit<String> commit = new GroupCommit<>(batches::add, gate.then(singles::add));

        List<Future<?>> queued = gate.queueBehindFirstWrite(commit, List.of("b", "c", "d"));

        for (Future<?> future : queued) {
            future.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of("first"), singles);
        assertEquals(1, batches.size());
        assertEquals(List.of("b", "c", "d"), batches.get(0).stream().sorted().toList());
    }

    @Test
    void aFailedBatchIsWrittenAgainRowByRowSoThatOnlyTheBadRowsCallerFails() throws Exception {
        Gate gate = new Gate();
        GroupCommit<String> commit = new GroupCommit<>(rows -> {
            throw new IllegalStateException("batch refused");
        }, gate.then(row -> {
            if (row.equals("bad")) {
                throw new IllegalArgumentException("bad row");
            }
            singles.add(row);
        }));

        List<Future<?>> queued = gate.queueBehindFirstWrite(commit, List.of("good", "bad"));

        queued.get(0).get(10, TimeUnit.SECONDS);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
        assertEquals("bad row", failed.getCause().getMessage());
        assertEquals(List.of("first", "good"), singles);
        assertEquals(0, commit.queued());
    }

    @Test
    void aBatchThatFailsWithAnErrorIsWrittenAgainRowByRowAndEachCallerGetsItsOwnOutcome() throws Exception {
        Gate gate = new Gate();
        GroupCommit<String> commit = new GroupCommit<>(rows -> {
            throw new OutOfMemoryError("batch");
        }, gate.then(row -> {
            if (row.equals("bad")) {
                throw new NoClassDefFoundError("bad row");
            }
            singles.add(row);
        }));

        List<Future<?>> queued = gate.queueBehindFirstWrite(commit, List.of("good", "bad"));

        queued.get(0).get(10, TimeUnit.SECONDS);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
        assertEquals(NoClassDefFoundError.class, failed.getCause().getClass(), "the Error itself, not a wrapper");
        assertEquals(List.of("first", "good"), singles, "no row taken for written that was not");
        assertEquals(0, commit.queued());
    }

    /** Holds the write of row "first" until the other rows are queued behind it. */
    private static final class Gate {
        private final CountDownLatch firstWriteStarted = new CountDownLatch(1);
        private final CountDownLatch releaseFirstWrite = new CountDownLatch(1);

        Consumer<String> then(Consumer<String> write) {
            return row -> {
                if (row.equals("first")) {
                    firstWriteStarted.countDown();
                    await(releaseFirstWrite);
                }
                write.accept(row);
            };
        }

        /** Writes "first", queues {@code rows} from their own threads behind it, then lets it finish. */
        List<Future<?>> queueBehindFirstWrite(GroupCommit<String> commit, List<String> rows) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(rows.size() + 1);
            try {
                Future<?> first = threads.submit(() -> commit.write("first"));
                assertTrue(firstWriteStarted.await(10, TimeUnit.SECONDS));
                List<Future<?>> queued = new ArrayList<>();
                for (String row : rows) {
                    queued.add(threads.submit(() -> commit.write(row)));
                }
                while (commit.queued() < rows.size()) {
                    Thread.onSpinWait();
                }
                releaseFirstWrite.countDown();
                first.get(10, TimeUnit.SECONDS);
                for (Future<?> future : queued) {
                    try {
                        future.get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException expectedForBadRows) {
                        // The test asserts on each future itself.
                    }
                }
                return queued;
            } finally {
                threads.shutdown();
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
