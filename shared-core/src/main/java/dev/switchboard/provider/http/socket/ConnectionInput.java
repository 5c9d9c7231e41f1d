package dev.switchboard.provider.http.socket;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connection's input, buffered without a lock: one call reads a connection at a time, and the
 * response head and chunk framing are read a byte at a time, where {@link java.io.BufferedInputStream}
 * would take its lock for every byte.
 */
final class ConnectionInput extends InputStream {

    private final InputStream socket;
    private final byte[] buffer;
    private int position;
    private int limit;

    ConnectionInput(InputStream socket, int size) {
        this.socket = socket;
        this.buffer = new byte[size];
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

    /** Blocks until a byte can be read: false when the stream ended first. */
    boolean awaitData() throws IOException {
        return position < limit || fill();
    }

    private boolean fill() throws IOException {
        int n = socket.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
