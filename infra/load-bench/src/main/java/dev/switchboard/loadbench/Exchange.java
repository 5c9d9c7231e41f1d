package dev.switchboard.loadbench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** One blocking request and its status: how the runner waits for a server to answer. */
final class Exchange {

    private Exchange() {
    }

    /** The status of one exchange, or -1 when the server cannot be reached or answers nonsense. */
    static int status(InetSocketAddress target, byte[] request) {
        try (SocketChannel channel = SocketChannel.open(target)) {
            channel.write(ByteBuffer.wrap(request));
            ResponseParser parser = new ResponseParser();
            ByteBuffer in = ByteBuffer.allocate(16 * 1024);
            while (true) {
                in.clear();
                if (channel.read(in) < 0) {
                    return -1;
                }
                in.flip();
                if (parser.feed(in)) {
                    return parser.status();
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final Duration POLL = Duration.ofMillis(200);

    /** Waits until {@code target} answers {@code request} with a 2xx, or fails after {@code limit}. */
    static void awaitOk(InetSocketAddress target, byte[] request, Duration limit, ChildProcess process)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status = -1;
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException("the process ended before it answered; see " + process.log());
            }
            status = status(target, request);
            if (status / 100 == 2) {
                return;
            }
            // The pause between polls is a wait on the process itself, so its death ends it at once.
            if (process.endsWithin(POLL)) {
                throw new IllegalStateException("the process ended before it answered; see " + process.log());
            }
        }
        throw new IllegalStateException("no 2xx from " + target + " within " + limit.toSeconds() + " s (last status "
                + status + "); see " + process.log());
    }
}
