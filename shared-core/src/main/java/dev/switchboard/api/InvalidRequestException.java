package dev.switchboard.api;

/** 400: the caller sent something we will not act on. Nothing downstream has been touched. */
public final class InvalidRequestException extends ApiException {

    public InvalidRequestException(String field, String message) {
        super(400, "invalid_request", message, field);
    }
}
