package dev.switchboard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Run in a child JVM by {@link RootWithoutUserNamespacesTest}: starts the database and prints who runs it. */
public final class LedgerDatabaseProbe {

    private LedgerDatabaseProbe() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        try (IsolatedDatabase database = EmbeddedLedgerDatabase.shared().createDatabase("probe");
             Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table probe (id int)");
            try (ResultSet dataDirectory = statement.executeQuery("select current_setting('data_directory')")) {
                dataDirectory.next();
                String owner = Files.getOwner(Path.of(dataDirectory.getString(1))).getName();
                System.out.println("PROBE-OK data directory owned by " + owner);
            }
        }
    }
}
