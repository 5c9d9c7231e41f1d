package dev.switchboard.provider.http.socket;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * A connection's input, buffered without a lock: one call reads a connection at a time, and the
 * response head and chunk framing are read a byte at a time, where {@link java.io.BufferedInputStream}
 * would take its lock for every byte.
 */
final class ConnectionInput extends InputStream {

    /** Runs before each read from the socket while it is set: to hold several reads to one deadline. */
    interface ReadGuard {
        void beforeRead() throws IOException;
    }

    private final InputStream socket;
    private final byte[] buffer;
    private int position;
    private int limit;
    private ReadGuard guard;

    ConnectionInput(InputStream socket, int size) {
        this.socket = socket;
        this.buffer = new byte[size];
    }

    /** Sets the guard of the reads to come; null removes it. */
    void guard(ReadGuard guard) {
        this.guard = guard;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= buffer.length) {
                if (guard != null) {
                    guard.beforeRead();
                }
                return socket.read(target, offset, length);
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        return limit - position + socket.available();
    }

    /**
     * One CRLF (or bare LF) terminated line as ISO-8859-1, without its end: the framing lines of a
     * response (status, headers, chunk sizes, trailers).
     *
     * @param maxBytes the most the line may take, its end included
     * @throws EOFException      when the stream ends inside the line
     * @throws ProtocolException when the line is longer than {@code maxBytes}
     */
    String readLine(int maxBytes) throws IOException {
        StringBuilder line = null;
        int taken = 0;
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("the connection closed inside a line of the response's framing");
            }
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int length = end - position;
            taken += length + (end < limit ? 1 : 0);
            if (taken > maxBytes) {
                throw new ProtocolException("a line of the response's framing over " + maxBytes + " bytes");
            }
            if (end < limit) {
                String tail = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
                position = end + 1;
                String whole = line == null ? tail : line.append(tail).toString();
                return whole.endsWith("\r") ? whole.substring(0, whole.length() - 1) : whole;
            }
            if (line == null) {
                line = new StringBuilder(length * 2);
            }
            line.append(new String(buffer, position, length, StandardCharsets.ISO_8859_1));
            position = limit;
        }
    }

    /** Blocks until a byte can be read: false when the stream ended first. */
    boolean awaitData() throws IOException {
        return position < limit || fill();
    }

    private boolean fill() throws IOException {
        if (guard != null) {
            guard.beforeRead();
        }
        int n = socket.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
