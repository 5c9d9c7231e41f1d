package dev.switchboard.coldstart;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured cold start: the parent's wall time from just before the process was started to the
 * runner's answer line, and the runner's own split of it (handler construction, first event); what is
 * left is the JVM's own start up to the runner's main(). {@code cpuMs} is the process's CPU time by then.
 */
record RunResult(long wallMs, int status, long initMs, long firstEventMs, long cpuMs) {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    static RunResult parse(long wallMs, String answerLine) {
        Matcher m = FIELD.matcher(answerLine);
        int status = -1;
        long init = -1;
        long first = -1;
        long cpu = -1;
        while (m.find()) {
            long v = Long.parseLong(m.group(2));
            switch (m.group(1)) {
                case "status" -> status = (int) v;
                case "init_ms" -> init = v;
                case "first_event_ms" -> first = v;
                case "cpu_ms" -> cpu = v;
                default -> { }
            }
        }
        return new RunResult(wallMs, status, init, first, cpu);
    }

    @Override
    public String toString() {
        return "wall=" + wallMs + " ms (JVM to main " + (wallMs - initMs - firstEventMs) + ", handler init " + initMs
                + ", first event " + firstEventMs + "), CPU " + cpuMs + " ms, status=" + status;
    }
}
