package dev.switchboard.resilience;

import dev.switchboard.provider.ProviderException;

import java.util.List;

/**
 * A stream failed after some of it had reached the client. It is neither retried nor restarted on
 * another deployment (the client would see text twice or a splice of two answers): the caller ends the
 * client's stream with an explicit error event instead. The message names the deployment, the count of
 * chunks sent and the failure kind, never upstream text.
 */
public final class StreamBrokenException extends RuntimeException {

    private final String deployment;
    private final int chunksDelivered;
    private final ProviderException.Kind kind;
    private final List<Attempt> attempts;

    StreamBrokenException(String deployment, int chunksDelivered, ProviderException failure, List<Attempt> attempts) {
        super(deployment + " failed after " + chunksDelivered + " chunk(s) had been sent ("
                + Attempt.kindName(failure.kind()) + ")", failure);
        this.deployment = deployment;
        this.chunksDelivered = chunksDelivered;
        this.kind = failure.kind();
        this.attempts = List.copyOf(attempts);
    }

    public String deployment() {
        return deployment;
    }

    public int chunksDelivered() {
        return chunksDelivered;
    }

    public ProviderException.Kind kind() {
        return kind;
    }

    /** Every candidate's attempt, the broken one last. */
    public List<Attempt> attempts() {
        return attempts;
    }
}
