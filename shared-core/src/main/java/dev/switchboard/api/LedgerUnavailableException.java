package dev.switchboard.api;

/** 503: the ledger database could not be read or written, so the request's record could not be kept. */
public final class LedgerUnavailableException extends ApiException {

    public LedgerUnavailableException(String message) {
        super(503, "ledger_unavailable", message, null);
    }
}
