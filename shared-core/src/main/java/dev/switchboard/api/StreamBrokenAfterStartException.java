package dev.switchboard.api;

import java.util.List;

/**
 * A streamed answer broke off after part of it had reached the caller. It cannot be restarted
 * elsewhere without sending the caller text twice, so the stream ends with an error event built
 * from this (the 502 status cannot be sent: the stream's 200 already went out).
 */
public final class StreamBrokenAfterStartException extends DeploymentsFailedException {

    public StreamBrokenAfterStartException(String deployment, int chunksSent, List<String> tried) {
        super(502, "provider_stream_broken", "The answer from " + deployment + " broke off after " + chunksSent
                + " chunk(s); what was streamed is incomplete", tried);
    }
}
