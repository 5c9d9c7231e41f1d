package dev.switchboard.provider.sse;

import java.util.Objects;

/** One server-sent event: its type ("message" when the stream names none) and its data lines joined by newlines. */
public record SseEvent(String event, String data) {

    public SseEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(data, "data");
    }
}
