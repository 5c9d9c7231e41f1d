package dev.switchboard.testing;

import java.util.Map;

/**
 * An empty PostgreSQL database of its own on the shared {@link EmbeddedLedgerDatabase} server, so one test
 * class never sees another's rows. Closing it drops the database.
 */
public final class IsolatedDatabase implements AutoCloseable {

    private final EmbeddedLedgerDatabase server;
    private final String name;

    IsolatedDatabase(EmbeddedLedgerDatabase server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public String username() {
        return server.username();
    }

    public String password() {
        return server.password();
    }

    /** The {@code datasources.default.*} properties pointing a Micronaut context at this database. */
    public Map<String, Object> micronautProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", username(),
                "datasources.default.password", password(),
                "datasources.default.driver-class-name", "org.postgresql.Driver",
                "datasources.default.dialect", "POSTGRES");
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }
}
