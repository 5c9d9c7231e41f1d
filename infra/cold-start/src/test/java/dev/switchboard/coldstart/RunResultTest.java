package dev.switchboard.coldstart;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunResultTest {

    @Test
    void readsTheRunnersAnswerLine() {
        RunResult r = RunResult.parse(1200, ColdStartRunner.ANSWERED + " status=200 init_ms=900 first_event_ms=250 cpu_ms=1500");

        assertEquals(200, r.status());
        assertEquals(900, r.initMs());
        assertEquals(250, r.firstEventMs());
        assertEquals(1500, r.cpuMs());
        assertTrue(r.toString().contains("JVM to main 50"), r.toString());
    }
}
