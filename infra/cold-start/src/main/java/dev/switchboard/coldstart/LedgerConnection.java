package dev.switchboard.coldstart;

import dev.switchboard.coldstart.BenchmarkOptions.StateBackend;

import java.nio.file.Path;
import java.util.Objects;

/** The ledger database a measured function is pointed at, as its three settings. */
record LedgerConnection(String url, String username, String password) {

    LedgerConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** An H2 file database under the work folder, one per state backend, kept from run to run. */
    static LedgerConnection h2File(Path workDir, StateBackend state) {
        Path file = workDir.toAbsolutePath().resolve("ledger-" + state.label()).resolve("switchboard");
        return new LedgerConnection("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }
}
