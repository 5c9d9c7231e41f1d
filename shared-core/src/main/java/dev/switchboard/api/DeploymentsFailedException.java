package dev.switchboard.api;

import java.util.List;

/** A request that failed at the providers, with every deployment actually tried, in order. */
public abstract class DeploymentsFailedException extends ApiException {

    private final List<String> tried;

    protected DeploymentsFailedException(int status, String type, String message, List<String> tried) {
        this(status, type, message, null, tried);
    }

    protected DeploymentsFailedException(int status, String type, String message, String field, List<String> tried) {
        super(status, type, message, field);
        this.tried = List.copyOf(tried);
    }

    public List<String> tried() {
        return tried;
    }
}
