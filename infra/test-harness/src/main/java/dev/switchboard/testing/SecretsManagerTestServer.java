package dev.switchboard.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An AWS Secrets Manager stand-in on 127.0.0.1 and a free port, answering GetSecretValue and ListSecrets
 * over the real wire protocol, so production code is exercised through the real AWS SDK client.
 * Secrets are seeded with {@link #putSecret(String, String)}.
 */
public final class SecretsManagerTestServer implements AutoCloseable {

    /** The region baked into the ARNs it hands out; clients may be configured with any region. */
    public static final String REGION = "us-east-1";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SecretStore store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SecretsManagerTestServer(HttpServer server, ExecutorService executor, SecretStore store) {
        this.server = server;
        this.executor = executor;
        this.store = store;
    }

    public static SecretsManagerTestServer start() {
        SecretStore store = new SecretStore(REGION, Clock.systemUTC());
        ObjectMapper json = new ObjectMapper();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a loopback port for SecretsManagerTestServer", e);
        }
        server.createContext("/", new SecretsManagerHttpHandler(new SecretsManagerOperations(store, json), json));
        ExecutorService executor = Executors.newFixedThreadPool(4, daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new SecretsManagerTestServer(server, executor, store);
    }

    /** Daemon threads, so a test run that forgets to close the server still exits. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "secrets-manager-test-server-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Creates the secret or replaces its value with a new current version, and returns its ARN, which stays
     * the same across updates as on AWS.
     */
    public String putSecret(String name, String secretString) {
        return store.put(name, secretString).arn();
    }

    /** {@code http://127.0.0.1:<port>}, for an AWS SDK client's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
