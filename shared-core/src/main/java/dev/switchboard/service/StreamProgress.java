package dev.switchboard.service;

import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.Candidate;

/**
 * How far a stream got: the candidate streaming, the request it got, its text so far, what its model wrote out
 * of sight and the usage its provider reported so far, candidates asked, and when its first chunk went out.
 */
final class StreamProgress {

    Candidate candidate;
    ChatRequest request;
    final StringBuilder text = new StringBuilder();
    final StringBuilder hidden = new StringBuilder();
    Usage reported;
    int asked;
    /** When the first chunk went to the caller, from the request's arrival; null until then. */
    Long firstChunkMs;

    /** A try of {@code next} begins (a retry of the same candidate too): what a try before it worked is not its. */
    ChatRequest askedFor(Candidate next, ChatRequest nextRequest) {
        if (candidate == null || !candidate.equals(next)) {
            asked++;
        }
        candidate = next;
        request = nextRequest;
        hidden.setLength(0);
        reported = null;
        return nextRequest;
    }

    /** Whether the provider has anything to bill: text sent, or work out of sight (as the chain judges it). */
    boolean billed() {
        return !text.isEmpty() || !hidden.isEmpty() || reported != null;
    }

    void worked(StreamChunk chunk) {
        hidden.append(chunk.hiddenDelta());
        if (chunk.usage() != null) {
            reported = chunk.usage();
        }
    }
}
