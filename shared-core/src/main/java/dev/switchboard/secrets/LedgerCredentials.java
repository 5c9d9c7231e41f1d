package dev.switchboard.secrets;

/**
 * The ledger database's user and password, as read from Secrets Manager. {@link #toString} leaves the
 * password out, so the record can be logged or put in a message without leaking it.
 */
public record LedgerCredentials(String username, String password) {

    public LedgerCredentials {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the ledger credentials need a username and a password");
        }
    }

    @Override
    public String toString() {
        return "LedgerCredentials[username=" + username + ", password=(hidden)]";
    }
}
