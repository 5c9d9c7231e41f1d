package dev.switchboard.routing;

/** No deployment is on offer for a request, so no strategy can decide. */
public final class NoCandidatesException extends RuntimeException {

    public NoCandidatesException(String message) {
        super(message);
    }
}
