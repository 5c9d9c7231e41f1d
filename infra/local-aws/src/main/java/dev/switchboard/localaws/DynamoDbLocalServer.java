package dev.switchboard.localaws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Amazon DynamoDB Local running inside this JVM, listening on 127.0.0.1 only.
 *
 * <p>DynamoDB Local 2.x ships the sqlite4java native libraries for Linux, macOS and Windows inside its own
 * jar and extracts and loads the right one itself, so nothing has to be configured by the caller, on a
 * plain classpath or in a shaded jar.
 *
 * <p>The server is started with {@code -sharedDb}: DynamoDB Local otherwise keeps one database per
 * access key and region, and a gateway and its tests that happen to use different dummy credentials
 * would silently see different tables.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    /** Pass as the port to let the operating system choose a free one. */
    public static final int ANY_FREE_PORT = 0;

    /**
     * DynamoDB Local's command line rejects port 0, so a valid placeholder is parsed and the real port
     * (possibly 0) is applied to the connector afterwards by {@link LoopbackConnector}.
     */
    private static final int PLACEHOLDER_PORT = 8000;

    private final DynamoDBProxyServer proxy;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DynamoDbLocalServer(DynamoDBProxyServer proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    /** An in-memory server on a free port: what tests want. */
    public static DynamoDbLocalServer start() {
        return startInMemory(ANY_FREE_PORT);
    }

    /** An in-memory server; its tables vanish when it is closed. */
    public static DynamoDbLocalServer startInMemory(int port) {
        return start(List.of("-inMemory"), port);
    }

    /** A server keeping its tables in {@code dataDirectory} (created if missing), so they survive restarts. */
    public static DynamoDbLocalServer startPersistent(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create DynamoDB Local data directory " + dataDirectory, e);
        }
        return start(List.of("-dbPath", dataDirectory.toAbsolutePath().toString()), port);
    }

    private static DynamoDbLocalServer start(List<String> storageArguments, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        List<String> arguments = new ArrayList<>(List.of(
                "-port", String.valueOf(port == ANY_FREE_PORT ? PLACEHOLDER_PORT : port),
                "-sharedDb",
                "-disableTelemetry"));
        arguments.addAll(storageArguments);

        DynamoDBProxyServer proxy = createProxy(arguments);
        LoopbackConnector connector = LoopbackConnector.of(proxy);
        connector.bindTo(port);
        try {
            // safeStart, unlike start, reports a port that cannot be bound instead of printing and returning.
            proxy.safeStart();
        } catch (Exception e) {
            stopQuietly(proxy, e);
            throw new IllegalStateException("DynamoDB Local did not start on 127.0.0.1:" + port, e);
        }
        return new DynamoDbLocalServer(proxy, connector.boundPort());
    }

    private static DynamoDBProxyServer createProxy(List<String> arguments) {
        DynamoDBProxyServer proxy;
        try {
            proxy = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local rejected its arguments " + arguments, e);
        }
        if (proxy == null) {
            // ServerRunner prints the reason and returns null when its own validation fails.
            throw new IllegalStateException("DynamoDB Local rejected its arguments " + arguments);
        }
        return proxy;
    }

    private static void stopQuietly(DynamoDBProxyServer proxy, Exception cause) {
        try {
            proxy.stop();
        } catch (Exception suppressed) {
            cause.addSuppressed(suppressed);
        }
    }

    /** {@code http://127.0.0.1:<port>}, for an AWS SDK client's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port actually bound, also when {@link #ANY_FREE_PORT} was asked for. */
    public int port() {
        return port;
    }

    /** Stops the server and releases its database; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }
}
