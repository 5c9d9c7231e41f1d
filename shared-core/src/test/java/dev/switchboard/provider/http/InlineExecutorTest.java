package dev.switchboard.provider.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class InlineExecutorTest {

    private final InlineExecutor executor = new InlineExecutor();

    @Test
    void aStepRunsOnTheThreadThatHandsItOverBeforeExecuteReturns() {
        List<Thread> ranOn = new ArrayList<>();

        executor.execute(() -> ranOn.add(Thread.currentThread()));

        assertEquals(1, ranOn.size());
        assertSame(Thread.currentThread(), ranOn.get(0));
    }

    @Test
    void aStepThatThrowsDoesNotReachTheThreadThatRanIt() {
        List<String> after = new ArrayList<>();

        assertDoesNotThrow(() -> executor.execute(() -> {
            throw new IllegalStateException("selector step failed");
        }));
        executor.execute(() -> after.add("next step"));

        assertEquals(List.of("next step"), after);
    }
}
