package dev.switchboard.provider.http.socket;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that keeps connections open and answers each request with scripted raw
 * bytes, so that framing, reuse and timeouts can be tried byte for byte. Records every request with
 * the number of the connection it came on.
 */
final class RawHttpServer implements AutoCloseable {

    /** What the server does once a scripted answer is written. */
    enum After { KEEP, CLOSE, SILENCE }

    /**
     * {@code gap} zero: the bytes in one write; otherwise one byte at a time, {@code gap} apart (no bytes: one
     * wait); either {@code delay} after the request.
     */
    record Script(byte[] bytes, After after, Duration gap, Duration delay) {
    }

    record Received(int connection, String head, String body) {
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    RawHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    int port() {
        return server.getLocalPort();
    }

    RawHttpServer answer(String raw, After after) {
        return answerAfter(Duration.ZERO, raw, after);
    }

    /** Answers {@code raw} in one write, {@code delay} after the request. */
    RawHttpServer answerAfter(Duration delay, String raw, After after) {
        scripts.add(new Script(raw.getBytes(StandardCharsets.UTF_8), after, Duration.ZERO, delay));
        return this;
    }

    /** Answers nothing: closes the connection {@code delay} after the request. */
    RawHttpServer closeAfter(Duration delay) {
        scripts.add(new Script(new byte[0], After.CLOSE, delay, Duration.ZERO));
        return this;
    }

    /** Answers a byte at a time, {@code gap} apart, then keeps the connection silent. */
    RawHttpServer trickle(String raw, Duration gap) {
        scripts.add(new Script(raw.getBytes(StandardCharsets.UTF_8), After.SILENCE, gap, Duration.ZERO));
        return this;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            int number = connections.incrementAndGet();
            threads.execute(() -> serve(socket, number));
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                byte[] body = in.readNBytes(contentLength(head));
                received.add(new Received(number, head, new String(body, StandardCharsets.UTF_8)));
                Script script = scripts.poll();
                if (script == null) {
                    out.write("HTTP/1.1 599 No Script\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (closed.await(script.delay().toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
                if (script.gap().isZero()) {
                    out.write(script.bytes());
                    out.flush();
                } else if (script.bytes().length == 0) {
                    if (closed.await(script.gap().toNanos(), TimeUnit.NANOSECONDS)) {
                        return;
                    }
                } else {
                    for (byte b : script.bytes()) {
                        out.write(b);
                        out.flush();
                        // The gap is the point of this script; closing the server ends it early.
                        if (closed.await(script.gap().toNanos(), TimeUnit.NANOSECONDS)) {
                            return;
                        }
                    }
                }
                if (script.after() == After.CLOSE) {
                    return;
                }
                if (script.after() == After.SILENCE) {
                    closed.await(1, TimeUnit.MINUTES);
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    /** The request head up to its blank line, or null when the connection ended before a request. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }
}
