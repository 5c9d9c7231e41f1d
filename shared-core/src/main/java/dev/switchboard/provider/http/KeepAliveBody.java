package dev.switchboard.provider.http;

import java.io.IOException;

/**
 * A streamed body whose connection can outlive it once the protocol's own end marker has been read
 * (OpenAI's {@code [DONE]}, Anthropic's {@code message_stop}): only HTTP's framing of the body is
 * left then, usually already on its way.
 */
public interface KeepAliveBody {

    /**
     * Reads what is left of the body when it is short and comes promptly, then closes; the
     * connection is kept for the next call only when the body ended that way, and closed otherwise.
     */
    void closeAfterEnd() throws IOException;
}
