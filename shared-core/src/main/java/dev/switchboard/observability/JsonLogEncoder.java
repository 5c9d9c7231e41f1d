package dev.switchboard.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.encoder.EncoderBase;
import org.slf4j.event.KeyValuePair;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes each log event as one line of JSON: timestamp (ISO-8601, UTC), level, logger, thread,
 * message, then the MDC (the request id among it) and the event's key-value pairs as top-level
 * fields (pairs without a value left out), and an exception as its class, message and stack.
 * CloudWatch Logs Insights reads such lines field by field. Built by hand in one pass: no mapper,
 * no reflection.
 */
public class JsonLogEncoder extends EncoderBase<ILoggingEvent> {

    /** Stack frames kept per exception: enough to find the throwing code, bounded for the log's sake. */
    static final int MAX_FRAMES = 30;

    private static final byte[] NO_BYTES = new byte[0];

    /** The last timestamp written: lines come many to a millisecond under load, and formatting is slow. */
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long millis, String text) {
    }

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return line(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }

    /** The event's line, newline included. */
    public String line(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256);
        out.append('{');
        JsonChars.key(out, "timestamp");
        JsonChars.string(out, timestamp(event.getTimeStamp()));
        field(out, "level", event.getLevel().toString());
        field(out, "logger", event.getLoggerName());
        field(out, "thread", event.getThreadName());
        field(out, "message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((key, value) -> field(out, key, value));
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.value == null) {
                    continue; // an absent field says the same, in fewer bytes
                }
                out.append(',');
                JsonChars.key(out, pair.key);
                JsonChars.value(out, pair.value);
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            field(out, "exception", error.getClassName() + ": " + error.getMessage());
            field(out, "stack_trace", stack(error));
        }
        return out.append("}\n").toString();
    }

    private String timestamp(long millis) {
        Stamp stamp = last;
        if (stamp.millis() != millis) {
            stamp = new Stamp(millis, Instant.ofEpochMilli(millis).toString());
            last = stamp;
        }
        return stamp.text();
    }

    private static void field(StringBuilder out, String key, String value) {
        out.append(',');
        JsonChars.key(out, key);
        JsonChars.string(out, value);
    }

    private static String stack(IThrowableProxy error) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy cause = error; cause != null; cause = cause.getCause()) {
            if (cause != error) {
                text.append("Caused by: ").append(cause.getClassName()).append(": ").append(cause.getMessage())
                        .append('\n');
            }
            StackTraceElementProxy[] frames = cause.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                text.append("\tat ").append(frames[i].getStackTraceElement()).append('\n');
            }
            if (frames.length > MAX_FRAMES) {
                text.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
            }
        }
        return text.toString();
    }
}
