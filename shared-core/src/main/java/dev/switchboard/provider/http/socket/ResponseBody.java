package dev.switchboard.provider.http.socket;

import dev.switchboard.provider.http.KeepAliveBody;
import dev.switchboard.provider.http.StreamCutOffException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A response body framed as its head says (Content-Length, chunked, or until the connection
 * closes). Closing it hands the connection back for reuse when the body was read to its end and the
 * server keeps connections; otherwise the connection is closed. A read that waits longer than the
 * connection's read timeout fails with an {@link HttpTimeoutException}, as the JDK client's would,
 * and, given a cutoff, one that reaches it with a {@link StreamCutOffException}.
 */
final class ResponseBody extends InputStream implements KeepAliveBody {

    private static final long UNTIL_CLOSE = -1;
    /** Chunk sizes and trailer fields are short; a longer line is not HTTP framing. */
    private static final int MAX_FRAMING_LINE = 8192;
    /**
     * After the protocol's end marker, how long the rest of the body may take to arrive: servers
     * write the last chunk's terminator right after the marker, and a new connection (a TLS handshake)
     * costs more than this wait; one that lingers after its marker loses its connection instead.
     */
    static final long REST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** After the end marker only framing is due; a server that sends more than this is not finishing. */
    static final int REST_LIMIT = 16 * 1024;

    private final HttpConnection connection;
    private final ConnectionInput in;
    private final byte[] one = new byte[1];
    private final boolean chunked;
    private final boolean reusable;
    private final Consumer<HttpConnection> release;
    private final int idleMillis;
    /** The System.nanoTime() at which the body is cut, if any. */
    private final OptionalLong cutoff;
    /** Bytes left in the body (fixed length) or in the current chunk; UNTIL_CLOSE when unframed. */
    private long remaining;
    private boolean ended;
    /** A chunk's data was read whole; its CRLF is read with the next chunk's size, so data is not held back. */
    private boolean crlfPending;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ResponseBody(HttpConnection connection, long length, boolean chunked, boolean reusable,
                         Consumer<HttpConnection> release, int idleMillis, OptionalLong cutoff) {
        this.connection = connection;
        this.in = connection.in();
        this.chunked = chunked;
        this.remaining = length;
        this.reusable = reusable;
        this.release = release;
        this.idleMillis = idleMillis;
        this.ended = !chunked && length == 0;
        this.cutoff = cutoff;
        if (cutoff.isPresent()) {
            connection.readsWithin(idleMillis, cutoff.getAsLong());
        }
    }

    static ResponseBody of(HttpConnection connection, ResponseHead head, Consumer<HttpConnection> release,
                           int idleMillis, OptionalLong cutoff) throws ProtocolException {
        boolean keeps = head.keepsConnection();
        if (head.status() == 204 || head.status() == 304) {
            return new ResponseBody(connection, 0, false, keeps, release, idleMillis, cutoff);
        }
        List<String> codings = head.tokens("transfer-encoding");
        if (!codings.isEmpty()) {
            // Transfer-Encoding overrides Content-Length; any coding but a final chunked runs to the close.
            boolean chunked = codings.get(codings.size() - 1).equals("chunked");
            return chunked && codings.size() == 1
                    ? new ResponseBody(connection, 0, true, keeps, release, idleMillis, cutoff)
                    : new ResponseBody(connection, UNTIL_CLOSE, false, false, release, idleMillis, cutoff);
        }
        String length = head.first("content-length");
        if (length != null) {
            try {
                long bytes = Long.parseLong(length.trim());
                if (bytes < 0) {
                    throw new ProtocolException("a negative Content-Length");
                }
                return new ResponseBody(connection, bytes, false, keeps, release, idleMillis, cutoff);
            } catch (NumberFormatException e) {
                throw new ProtocolException("an unreadable Content-Length");
            }
        }
        return new ResponseBody(connection, UNTIL_CLOSE, false, false, release, idleMillis, cutoff);
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (closed.get()) {
            throw new IOException("the body is closed");
        }
        if (length == 0) {
            return 0;
        }
        try {
            return readFramed(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            // A read that waited only for the time left before the cutoff times out at or after it.
            if (cutoff.isPresent() && System.nanoTime() - cutoff.getAsLong() >= 0) {
                throw new StreamCutOffException();
            }
            throw new HttpTimeoutException("no data for " + idleMillis + " ms");
        }
    }

    private int readFramed(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        if (remaining == UNTIL_CLOSE) {
            int n = in.read(buffer, offset, length);
            ended = n < 0;
            return n;
        }
        if (chunked && remaining == 0) {
            if (crlfPending) {
                expectLineEnd();
                crlfPending = false;
            }
            remaining = nextChunkSize();
            if (remaining == 0) {
                skipTrailer();
                ended = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new EOFException("the connection closed inside the body");
        }
        remaining -= n;
        if (remaining == 0) {
            if (chunked) {
                crlfPending = true;
            } else {
                ended = true;
            }
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = line();
        int end = line.indexOf(';');
        String hex = (end >= 0 ? line.substring(0, end) : line).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new ProtocolException("a negative chunk size");
            }
            return size;
        } catch (NumberFormatException e) {
            throw new ProtocolException("an unreadable chunk size");
        }
    }

    private void expectLineEnd() throws IOException {
        if (!line().isEmpty()) {
            throw new ProtocolException("chunk data longer than its size");
        }
    }

    private void skipTrailer() throws IOException {
        while (!line().isEmpty()) {
            // trailer fields are not used
        }
    }

    /** One line of chunk framing (short: sizes and trailers). */
    private String line() throws IOException {
        return in.readLine(MAX_FRAMING_LINE);
    }

    @Override
    public void closeAfterEnd() {
        if (reusable && !ended && !closed.get()) {
            readRestBriefly();
        }
        close();
    }

    /** Reads the rest of the body within {@link #REST_WAIT_NANOS} and {@link #REST_LIMIT}, if it comes. */
    private void readRestBriefly() {
        connection.readsUntil(System.nanoTime() + REST_WAIT_NANOS);
        try {
            byte[] skipped = new byte[1024];
            int left = REST_LIMIT;
            while (!ended && left > 0) {
                left -= Math.max(0, readFramed(skipped, 0, Math.min(skipped.length, left)));
            }
        } catch (IOException e) {
            // Not whole in time: close() then closes the connection rather than keeping it.
        } finally {
            connection.readsUnbounded();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The cutoff was this body's: the connection's next call must not inherit it.
        connection.readsUnbounded();
        if (ended && reusable) {
            release.accept(connection);
        } else {
            connection.close();
        }
    }
}
