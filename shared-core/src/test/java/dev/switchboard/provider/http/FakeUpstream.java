package dev.switchboard.provider.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A provider stand-in on 127.0.0.1 for wire-format tests: it records each request and answers
 * with the next scripted {@link Reply}. It speaks HTTP/1.1 over a plain socket, so that it can
 * also misbehave the ways real upstreams do: a stream cut mid-answer, a connection reset, no answer.
 * Every answer closes the connection, so each call is one connection and one scripted reply.
 */
public final class FakeUpstream implements AutoCloseable {

    /** A request as the upstream saw it; header names lower-cased. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What to answer with. */
    public sealed interface Reply {

        static Whole json(int status, String body) {
            return new Whole(status, "application/json", body, Map.of());
        }

        /** A streamed answer: each piece is sent as its own chunk and flushed. */
        static Streamed stream(String contentType, List<String> pieces) {
            return new Streamed(contentType, utf8(pieces), true, null);
        }

        /** Sends the pieces, then closes the connection without the closing chunk: a stream cut mid-answer. */
        static Streamed cut(String contentType, List<String> pieces) {
            return new Streamed(contentType, utf8(pieces), false, null);
        }

        /**
         * Like {@link #cut}, but the connection is closed only once {@code release} is counted down,
         * typically when the client has seen a first chunk. A cut that lands while the client has not
         * yet read what came before it loses that data in the client's HTTP stack (the JDK client
         * reports the failure first), so a test that wants "delivered, then cut" holds the cut.
         */
        static Streamed cutAfter(String contentType, List<String> pieces, CountDownLatch release) {
            return new Streamed(contentType, utf8(pieces), false, release);
        }

        /** Sends the pieces, then falls silent with the connection open: a stream that stalls mid-answer. */
        static Streamed stall(String contentType, List<String> pieces) {
            return new Streamed(contentType, utf8(pieces), false, new CountDownLatch(1));
        }

        /**
         * A streamed answer of raw bytes, for binary framings (AWS event streams): each piece is sent as
         * its own chunk; when {@code complete} is false the connection closes without the closing chunk.
         */
        static Streamed binary(String contentType, List<byte[]> pieces, boolean complete) {
            return new Streamed(contentType, pieces, complete, null);
        }

        /** Accepts the connection, reads the request, then resets it (TCP RST) without a byte of answer. */
        static Reply reset() {
            return new Reset();
        }

        /** Reads the request and never answers, until the upstream is closed: the caller's timeout must fire. */
        static Reply silence() {
            return new Silence();
        }
    }

    public record Whole(int status, String contentType, String body, Map<String, String> headers) implements Reply {

        public Whole header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Whole(status, contentType, body, more);
        }

        /** The same status with a body that is not what the content type says (malformed JSON, HTML). */
        public Whole contentType(String type) {
            return new Whole(status, type, body, headers);
        }
    }

    /** @param holdBeforeCut when set, an incomplete stream waits for it before closing the connection */
    public record Streamed(String contentType, List<byte[]> pieces, boolean complete, CountDownLatch holdBeforeCut)
            implements Reply {

        public Streamed {
            pieces = List.copyOf(pieces);
        }
    }

    private static List<byte[]> utf8(List<String> pieces) {
        return pieces.stream().map(p -> p.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * A whole streamed answer whose pieces go out {@code gap} apart: a live stream that lasts longer than
     * a caller's timeout for its start, while each piece comes well within any idle limit.
     */
    public record Paced(String contentType, List<byte[]> pieces, Duration gap) implements Reply {

        public Paced {
            pieces = List.copyOf(pieces);
        }
    }

    record Reset() implements Reply {
    }

    record Silence() implements Reply {
    }

    private final ServerSocket server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Future<?> acceptor;

    private FakeUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = workers.submit(this::acceptLoop);
    }

    public static FakeUpstream start() {
        try {
            return new FakeUpstream();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the fake upstream", e);
        }
    }

    /** http://127.0.0.1:port (no trailing slash). */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Queues replies, answered one per request in order; with none left, a request gets a 599. */
    public FakeUpstream enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public Recorded onlyRequest() {
        List<Recorded> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request to the fake upstream, saw " + all.size());
        }
        return all.get(0);
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a test server: nothing to do
        }
        // The kernel keeps the port listening until the accept thread has left accept(), and a connection
        // made in that gap would be taken and never answered: the port counts as closed only after it.
        try {
            acceptor.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the fake upstream's accept loop did not end", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
        }
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            if (closed.getCount() == 0) {
                // Taken in the gap while closing: reset it, as a closed port would have.
                try (socket) {
                    socket.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // it is going away either way
                }
                return;
            }
            workers.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            recorded.add(readRequest(in));
            Reply reply = script.poll();
            OutputStream out = socket.getOutputStream();
            if (reply == null) {
                writeWhole(out, new Whole(599, "text/plain", "no reply scripted", Map.of()));
            } else if (reply instanceof Whole whole) {
                writeWhole(out, whole);
            } else if (reply instanceof Streamed streamed) {
                writeStreamed(out, streamed);
            } else if (reply instanceof Paced paced) {
                writePaced(out, paced);
            } else if (reply instanceof Reset) {
                socket.setSoLinger(true, 0);
            } else if (reply instanceof Silence) {
                closed.await(5, TimeUnit.MINUTES);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away; nothing to answer
        }
    }

    private static Recorded readRequest(InputStream in) throws IOException {
        String[] requestLine = readLine(in).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        URI target = URI.create(requestLine[1]);
        return new Recorded(requestLine[0], target.getRawPath(), target.getRawQuery(), Map.copyOf(headers), body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static void writeWhole(OutputStream out, Whole whole) throws IOException {
        byte[] body = whole.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = statusLine(whole.status(), whole.contentType());
        whole.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void writeStreamed(OutputStream out, Streamed streamed) throws IOException {
        StringBuilder head = statusLine(200, streamed.contentType()).append("Transfer-Encoding: chunked\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (byte[] bytes : streamed.pieces()) {
            if (bytes.length == 0) {
                continue;
            }
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        // A cut stream just closes the connection without the closing chunk: the client reads what
        // came, then meets the end of the connection mid-body. (A reset would make the client's
        // kernel drop data it had received but not yet read.)
        if (streamed.complete()) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } else if (streamed.holdBeforeCut() != null) {
            awaitQuietly(streamed.holdBeforeCut());
        }
    }

    private void writePaced(OutputStream out, Paced paced) throws IOException, InterruptedException {
        out.write(statusLine(200, paced.contentType()).append("Transfer-Encoding: chunked\r\n\r\n").toString()
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (byte[] bytes : paced.pieces()) {
            // The gap is the point of this reply; closing the upstream ends it early.
            if (closed.await(paced.gap().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the held stream cut");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static StringBuilder statusLine(int status, String contentType) {
        return new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Connection: close\r\n");
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
