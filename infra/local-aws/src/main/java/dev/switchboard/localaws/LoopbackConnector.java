package dev.switchboard.localaws;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.lang.reflect.Field;

/**
 * The Jetty connector inside a not yet started {@link DynamoDBProxyServer}.
 *
 * <p>DynamoDB Local builds its Jetty server with {@code new Server(port)}, which listens on every
 * interface and cannot take port 0. Nothing here should be reachable from outside the machine, and
 * tests need a free port without a pick-then-bind race, so the connector is re-targeted to 127.0.0.1
 * and the requested port (0 included) before the server starts. DynamoDB Local exposes no accessor for
 * its Jetty server, hence the one reflective read; the version is pinned and this module's test fails
 * loudly if the field ever moves.
 */
final class LoopbackConnector {

    static final String LOOPBACK = "127.0.0.1";

    private final ServerConnector connector;

    private LoopbackConnector(ServerConnector connector) {
        this.connector = connector;
    }

    static LoopbackConnector of(DynamoDBProxyServer proxy) {
        Server jetty = jettyServerOf(proxy);
        for (Connector candidate : jetty.getConnectors()) {
            if (candidate instanceof ServerConnector serverConnector) {
                return new LoopbackConnector(serverConnector);
            }
        }
        throw new IllegalStateException("DynamoDB Local's Jetty server has no ServerConnector to bind");
    }

    private static Server jettyServerOf(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            return (Server) field.get(proxy);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException(
                    "This DynamoDB Local version does not keep its Jetty server where expected", e);
        }
    }

    void bindTo(int port) {
        connector.setHost(LOOPBACK);
        connector.setPort(port);
    }

    /** The port the operating system actually gave; only meaningful once the server has started. */
    int boundPort() {
        int port = connector.getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("DynamoDB Local's connector is not open");
        }
        return port;
    }
}
