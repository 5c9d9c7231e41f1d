package dev.switchboard.loadbench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal incremental HTTP/1.1 response parser for the load generator: the status, the body framed
 * by Content-Length or chunked transfer coding, whether the connection stays open, and how many body
 * bytes have arrived (so that the caller can time the first one). Bytes are skipped, not kept.
 * Reuse it for the next response on the same connection with {@link #reset()}.
 */
final class ResponseParser {

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private static final int MAX_HEAD = 16 * 1024;

    private final byte[] head = new byte[MAX_HEAD];
    private int headLength;
    private State state = State.HEAD;
    private int status;
    private long remaining;
    private long bodyBytes;
    private boolean keepAlive;
    private final StringBuilder line = new StringBuilder();

    void reset() {
        headLength = 0;
        state = State.HEAD;
        status = 0;
        remaining = 0;
        bodyBytes = 0;
        keepAlive = false;
        line.setLength(0);
    }

    /** Consumes what {@code in} holds of this response; returns true once the response is complete. */
    boolean feed(ByteBuffer in) {
        while (in.hasRemaining() && state != State.DONE) {
            switch (state) {
                case HEAD -> readHead(in);
                case BODY -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    bodyBytes += n;
                    if (remaining == 0) {
                        state = State.DONE;
                    }
                }
                case CHUNK_SIZE -> {
                    String size = readLine(in);
                    if (size != null) {
                        int semicolon = size.indexOf(';');
                        String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).trim();
                        remaining = Long.parseLong(hex, 16);
                        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + n);
                    remaining -= n;
                    bodyBytes += n;
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> {
                    if (readLine(in) != null) {
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    String trailer = readLine(in);
                    if (trailer != null && trailer.isEmpty()) {
                        state = State.DONE;
                    }
                }
                default -> throw new IllegalStateException(state.name());
            }
        }
        return state == State.DONE;
    }

    int status() {
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    private void readHead(ByteBuffer in) {
        while (in.hasRemaining()) {
            if (headLength == MAX_HEAD) {
                throw new IllegalStateException("response head over " + MAX_HEAD + " bytes");
            }
            head[headLength++] = in.get();
            if (headLength >= 4 && head[headLength - 1] == '\n' && head[headLength - 2] == '\r'
                    && head[headLength - 3] == '\n' && head[headLength - 4] == '\r') {
                parseHead(new String(head, 0, headLength - 4, StandardCharsets.ISO_8859_1));
                return;
            }
        }
    }

    private void parseHead(String text) {
        String[] lines = text.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("not an HTTP/1.x response: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        keepAlive = statusLine[0].equals("HTTP/1.1");
        long length = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> keepAlive = value.contains("keep-alive") || (keepAlive && !value.contains("close"));
                default -> { }
            }
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (length >= 0) {
            remaining = length;
            state = length == 0 ? State.DONE : State.BODY;
        } else {
            throw new IllegalStateException("a response without Content-Length or chunked coding is not supported");
        }
    }

    /** A whole CRLF-ended line (without its end), or null while it is still arriving. */
    private String readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) in.get();
            if (c == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                String whole = line.substring(0, end);
                line.setLength(0);
                return whole;
            }
            line.append(c);
        }
        return null;
    }
}
