package dev.switchboard.provider.sse;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text/event-stream reader both the OpenAI and the Anthropic adapters stream through. */
class SseReaderTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<SseEvent> readAll(String text) throws IOException {
        List<SseEvent> events = new ArrayList<>();
        assertFalse(SseReader.read(body(text), events::add), "the body ends before the handler stops");
        return events;
    }

    @Test
    void eachBlankLineEndsAnEventOfTypeMessage() throws IOException {
        assertEquals(List.of(new SseEvent("message", "{\"a\":1}"), new SseEvent("message", "[DONE]")),
                readAll("data: {\"a\":1}\n\ndata: [DONE]\n\n"));
    }

    @Test
    void dataLinesOfOneEventAreJoinedByNewlines() throws IOException {
        assertEquals(List.of(new SseEvent("message", "first\nsecond\n\nfourth")),
                readAll("data: first\ndata: second\ndata:\ndata: fourth\n\n"));
    }

    @Test
    void commentLinesAreIgnoredAndDoNotEndAnEvent() throws IOException {
        assertEquals(List.of(new SseEvent("message", "one\ntwo")),
                readAll(": OPENROUTER PROCESSING\n\ndata: one\n: keep-alive\ndata: two\n\n:\n\n"));
    }

    @Test
    void eventNamesAreKeptAndDoNotLeakIntoTheNextEvent() throws IOException {
        String stream = "event: message_start\ndata: {\"type\":\"message_start\"}\n\n"
                + "event: content_block_delta\ndata: {\"i\":0}\n\n"
                + "data: plain\n\n";

        assertEquals(List.of(new SseEvent("message_start", "{\"type\":\"message_start\"}"),
                        new SseEvent("content_block_delta", "{\"i\":0}"),
                        new SseEvent("message", "plain")),
                readAll(stream));
    }

    @Test
    void crlfAndLoneCrLineEndingsAreLineEndingsToo() throws IOException {
        List<SseEvent> expected = List.of(new SseEvent("delta", "a\nb"), new SseEvent("message", "c"));

        assertEquals(expected, readAll("event: delta\r\ndata: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"));
        assertEquals(expected, readAll("event: delta\rdata: a\rdata: b\r\rdata: c\r\r"));
        assertEquals(List.of(new SseEvent("message", "x")), readAll("data: x\r\n\r\n"),
                "no carriage return is left in the data");
    }

    @Test
    void onlyOneSpaceAfterTheColonIsStripped() throws IOException {
        assertEquals(List.of(new SseEvent("ping", "no space"), new SseEvent("message", " two spaces")),
                readAll("event:ping\ndata:no space\n\ndata:  two spaces\n\n"));
    }

    @Test
    void aFieldWithoutAColonHasAnEmptyValueAndUnknownFieldsAreIgnored() throws IOException {
        assertEquals(List.of(new SseEvent("message", "\nafter")),
                readAll("id: 7\nretry: 1000\nfoo: bar\ndata\ndata: after\n\n"));
    }

    @Test
    void aBlockWithoutDataDispatchesNothing() throws IOException {
        assertEquals(List.of(new SseEvent("message", "real")),
                readAll("event: ping\n\nid: 3\n\ndata: real\n\n"));
    }

    @Test
    void anEventNotClosedByABlankLineIsDropped() throws IOException {
        assertEquals(List.of(new SseEvent("message", "whole")), readAll("data: whole\n\ndata: {\"cut\":"));
        assertEquals(List.of(new SseEvent("message", "whole")), readAll("data: whole\n\ndata: last\n"),
                "a single newline does not close an event");
        assertEquals(List.of(), readAll(""));
    }

    @Test
    void readingStopsWhenTheHandlerReturnsFalse() throws IOException {
        List<String> seen = new ArrayList<>();

        boolean stopped = SseReader.read(body("data: 1\n\ndata: 2\n\ndata: 3\n\n"), event -> {
            seen.add(event.data());
            return !event.data().equals("2");
        });

        assertTrue(stopped);
        assertEquals(List.of("1", "2"), seen);
    }

    @Test
    void dataIsDecodedAsUtf8() throws IOException {
        assertEquals(List.of(new SseEvent("message", "Grüße, 世界 🌍")), readAll("data: Grüße, 世界 🌍\n\n"));
    }

    @Test
    void aByteOrderMarkBeforeTheFirstLineIsSkippedAndOnlyThere() throws IOException {
        assertEquals(List.of(new SseEvent("message", "a")), readAll("\uFEFFdata: a\n\n"));
        assertEquals(List.of(new SseEvent("message", "a"), new SseEvent("message", "\uFEFFb")),
                readAll("data: a\n\ndata: \uFEFFb\n\n"), "a BOM in data is the data's own");
    }

    @Test
    void anEmptyEventNameMeansMessage() throws IOException {
        assertEquals(List.of(new SseEvent("message", "x")), readAll("event:\ndata: x\n\n"));
    }

    @Test
    void aLineOrAnEventBeyondTheLimitIsRefusedNotHeld() {
        String huge = "x".repeat(SseReader.MAX_EVENT_BYTES + 1);
        assertThrows(IOException.class, () -> readAll("data: " + huge + "\n\n"));
        String half = "y".repeat(SseReader.MAX_EVENT_BYTES / 2 + 1);
        assertThrows(IOException.class, () -> readAll("data: " + half + "\ndata: " + half + "\n\n"));
    }

    @Test
    void linesThatCameBeforeAFailingReadAreHandedOn() {
        byte[] events = "data: one\n\ndata: two\n\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        InputStream failing = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(events),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });
        List<SseEvent> seen = new java.util.ArrayList<>();
        assertThrows(IOException.class, () -> SseReader.read(failing, seen::add));
        assertEquals(List.of(new SseEvent("message", "one"), new SseEvent("message", "two")), seen);
    }
}
