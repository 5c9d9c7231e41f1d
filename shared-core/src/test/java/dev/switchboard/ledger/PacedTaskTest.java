package dev.switchboard.ledger;

import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacedTaskTest {

    private final MutableClock clock = new MutableClock();
    private final List<Runnable> queued = new ArrayList<>();
    private int runs;

    private PacedTask task(Runnable extra) {
        return new PacedTask(clock, Duration.ofMinutes(1), clock.instant(), queued::add, () -> {
            runs++;
            extra.run();
        });
    }

    @Test
    void runsOffTheCallersThreadOncePerPeriodAndNeverTwiceAtOnce() {
        PacedTask task = task(() -> { });

        task.ask();
        task.ask();
        assertEquals(1, queued.size(), "set off once");
        clock.advance(Duration.ofMinutes(1));
        task.ask();
        assertEquals(1, queued.size(), "due again, but still running");
        queued.remove(0).run();
        task.ask();
        assertEquals(1, queued.size());
        queued.remove(0).run();

        task.ask();
        assertEquals(0, queued.size(), "not due until a minute after it was last set off");
        assertEquals(2, runs);
    }

    @Test
    void workThatFindsMoreToDoMakesItselfDueAtTheNextAsk() {
        PacedTask[] task = new PacedTask[1];
        task[0] = task(() -> task[0].dueNow());

        task[0].ask();
        queued.remove(0).run();
        task[0].ask();

        assertEquals(1, queued.size());
    }

    @Test
    void aRefusingExecutorLeavesItFreeToBeSetOffLater() {
        boolean[] refuse = {true};
        PacedTask task = new PacedTask(clock, Duration.ofMinutes(1), clock.instant(), work -> {
            if (refuse[0]) {
                throw new RejectedExecutionException("shutting down");
            }
            work.run();
        }, () -> runs++);

        task.ask();
        refuse[0] = false;
        clock.advance(Duration.ofMinutes(1));
        task.ask();

        assertEquals(1, runs);
    }
}
