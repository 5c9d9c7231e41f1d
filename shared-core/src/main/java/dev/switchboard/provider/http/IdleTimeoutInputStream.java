package dev.switchboard.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A streamed body that gives up when no byte arrives for {@code idleNanos}, and, given a cutoff, at
 * that instant whatever arrives. The JDK client bounds only the wait for a response's headers; an
 * upstream that stops sending mid-stream would otherwise hold the request forever. A blocked read
 * cannot be interrupted, so a watchdog closes the body, and the read that was waiting then fails as a
 * timeout ({@link StreamCutOffException} at the cutoff).
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final long idleNanos;
    private final ScheduledFuture<?> watchdog;
    private final ScheduledFuture<?> cut;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean timedOut;
    private volatile boolean cutOff;

    /** @param cutoff the System.nanoTime() at which the body is cut, if any */
    IdleTimeoutInputStream(InputStream body, long idleNanos, OptionalLong cutoff, ScheduledExecutorService scheduler) {
        super(body);
        this.idleNanos = idleNanos;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleNanos / 4);
        this.watchdog = scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
        // Its own task, not the idle check's: that one runs only every quarter of the idle limit.
        this.cut = cutoff.isPresent() ? scheduler.schedule(this::cutOff,
                Math.max(0, cutoff.getAsLong() - System.nanoTime()), TimeUnit.NANOSECONDS) : null;
    }

    private void check() {
        if (System.nanoTime() - lastActivity > idleNanos) {
            timedOut = true;
            watchdog.cancel(false);
            closeBody();
        }
    }

    private void cutOff() {
        cutOff = true;
        watchdog.cancel(false);
        closeBody();
    }

    private void closeBody() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is how the blocked read is released; a failure to close changes nothing
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastActivity = System.nanoTime();
            return endUnlessCut(b);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            lastActivity = System.nanoTime();
            return endUnlessCut(n);
        } catch (IOException e) {
            throw translated(e);
        }
    }

    /** A body closed by the cut may read as ended: it was not, and must not pass for a whole answer. */
    private int endUnlessCut(int read) throws IOException {
        if (read < 0 && cutOff) {
            throw new StreamCutOffException();
        }
        return read;
    }

    private IOException translated(IOException e) {
        if (cutOff) {
            return e instanceof StreamCutOffException ? e : new StreamCutOffException();
        }
        return timedOut ? new HttpTimeoutException("no data for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms")
                : e;
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        if (cut != null) {
            cut.cancel(false);
        }
        super.close();
    }
}
