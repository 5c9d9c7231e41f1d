package dev.switchboard.loadbench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A closed-loop HTTP/1.1 load generator on one thread: N keep-alive connections, each sending one
 * precomputed request, waiting for its whole answer and sending the next at once. One selector
 * thread keeps the generator's own cost small next to what it measures. Only exchanges that start
 * after the warm-up and end inside the measured window are counted.
 */
final class LoadGenerator {

    private static final long MAX_RECORDED_NANOS = 60_000_000_000L;

    private final InetSocketAddress target;
    private final byte[] request;

    LoadGenerator(InetSocketAddress target, byte[] request) {
        this.target = target;
        this.request = request.clone();
    }

    /** A POST of {@code json} to {@code path} on {@code target}, as the generator sends it every time. */
    static byte[] post(InetSocketAddress target, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + target.getHostString() + ":" + target.getPort()
                + "\r\nContent-Type: application/json\r\nAccept: */*\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Runs without watching the server's CPU. */
    LoadResult run(int connections, Duration warmup, Duration measured) throws IOException {
        return run(connections, warmup, measured, () -> -1);
    }

    /** {@code serverCpu} is read when the measured window opens and when it closes. */
    LoadResult run(int connections, Duration warmup, Duration measured, LongSupplier serverCpu) throws IOException {
        Histogram total = LoadResult.newHistogram();
        Histogram firstByte = LoadResult.newHistogram();
        long[] counts = new long[2]; // answered, errors
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + measured.toNanos();
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        long cpuUsed = -1;
        List<Connection> open = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                open.add(new Connection(selector));
            }
            for (Connection connection : open) {
                connection.send();
            }
            long cpuFrom = -1;
            boolean cpuRead = false;
            while (System.nanoTime() < measureTo) {
                if (!cpuRead && System.nanoTime() >= measureFrom) {
                    cpuFrom = serverCpu.getAsLong();
                    cpuRead = true;
                }
                selector.select(10);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    connection.onReadable(in, selector, measureFrom, measureTo, total, firstByte, counts);
                }
                selector.selectedKeys().clear();
            }
            long cpuTo = serverCpu.getAsLong();
            cpuUsed = cpuFrom < 0 || cpuTo < 0 ? -1 : cpuTo - cpuFrom;
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
        return new LoadResult(connections, counts[0], counts[1], measured.toNanos() / 1e9, total, firstByte, cpuUsed);
    }

    /** One keep-alive connection and the exchange under way on it. */
    private final class Connection {

        private SocketChannel channel;
        private final ResponseParser parser = new ResponseParser();
        private long sentAt;
        private long firstByteAt;

        Connection(Selector selector) throws IOException {
            connect(selector);
        }

        private void connect(Selector selector) throws IOException {
            channel = SocketChannel.open(target);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
        }

        void send() throws IOException {
            parser.reset();
            firstByteAt = 0;
            sentAt = System.nanoTime();
            ByteBuffer out = ByteBuffer.wrap(request);
            while (out.hasRemaining()) {
                // A request is far smaller than a socket buffer; this loop only spins if the peer stalls.
                channel.write(out);
            }
        }

        void onReadable(ByteBuffer in, Selector selector, long measureFrom, long measureTo, Histogram total,
                        Histogram firstByte, long[] counts) throws IOException {
            in.clear();
            int read;
            try {
                read = channel.read(in);
            } catch (IOException e) {
                read = -1;
            }
            long now = System.nanoTime();
            if (read < 0) {
                counts[1]++;
                close();
                connect(selector);
                send();
                return;
            }
            in.flip();
            long before = parser.bodyBytes();
            boolean done;
            try {
                done = parser.feed(in);
            } catch (RuntimeException e) {
                counts[1]++;
                close();
                connect(selector);
                send();
                return;
            }
            if (before == 0 && parser.bodyBytes() > 0) {
                firstByteAt = now;
            }
            if (!done) {
                return;
            }
            if (sentAt >= measureFrom && now <= measureTo) {
                if (parser.status() / 100 == 2) {
                    counts[0]++;
                    total.recordValue(Math.min(now - sentAt, MAX_RECORDED_NANOS));
                    firstByte.recordValue(Math.min((firstByteAt == 0 ? now : firstByteAt) - sentAt, MAX_RECORDED_NANOS));
                } else {
                    counts[1]++;
                }
            }
            if (!parser.keepAlive()) {
                close();
                connect(selector);
            }
            send();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing at the end of a run: nothing is waiting for this connection any more.
            }
        }
    }
}
