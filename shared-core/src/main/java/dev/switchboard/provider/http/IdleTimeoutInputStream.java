package dev.switchboard.provider.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A streamed body that gives up when no byte arrives for {@code idleNanos}. The JDK client bounds
 * only the wait for a response's headers; an upstream that stops sending mid-stream would otherwise
 * hold the request forever. A blocked read cannot be interrupted, so a watchdog closes the body,
 * and the read that was waiting then fails as a timeout.
 */
final class IdleTimeoutInputStream extends FilterInputStream {

    private final long idleNanos;
    private final ScheduledFuture<?> watchdog;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream body, long idleNanos, ScheduledExecutorService scheduler) {
        super(body);
        this.idleNanos = idleNanos;
        long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), idleNanos / 4);
        this.watchdog = scheduler.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    }

    private void check() {
        if (System.nanoTime() - lastActivity > idleNanos) {
            timedOut = true;
            watchdog.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // closing is how the blocked read is released; a failure to close changes nothing
            }
        }
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            lastActivity = System.nanoTime();
            return b;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            lastActivity = System.nanoTime();
            return n;
        } catch (IOException e) {
            throw translated(e);
        }
    }

    private IOException translated(IOException e) {
        return timedOut ? new HttpTimeoutException("no data for " + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms")
                : e;
    }

    @Override
    public void close() throws IOException {
        watchdog.cancel(false);
        super.close();
    }
}
