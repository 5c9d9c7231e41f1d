package dev.switchboard.loadbench;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    @Test
    void aContentLengthBodyEndsExactlyAtItsLengthEvenFedOneByteAtATime() {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}");
        for (int i = 0; i < response.length - 1; i++) {
            assertFalse(parser.feed(ByteBuffer.wrap(response, i, 1)), "complete too early at byte " + i);
        }
        assertTrue(parser.feed(ByteBuffer.wrap(response, response.length - 1, 1)));
        assertEquals(200, parser.status());
        assertEquals(7, parser.bodyBytes());
        assertTrue(parser.keepAlive());
    }

    @Test
    void aChunkedStreamCountsItsDataAndEndsAfterTheLastChunkAndTrailers() {
        ByteBuffer head = ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
        assertFalse(parser.feed(head));
        assertEquals(0, parser.bodyBytes());

        assertFalse(parser.feed(ByteBuffer.wrap(bytes("6;ext=1\r\ndata: \r\n"))));
        assertEquals(6, parser.bodyBytes(), "the first chunk's data is what times the first chunk");

        assertFalse(parser.feed(ByteBuffer.wrap(bytes("A\r\n[DONE]\n\n\n\n\r\n0\r\nX-Trailer: 1\r\n"))));
        assertTrue(parser.feed(ByteBuffer.wrap(bytes("\r\n"))));
        assertEquals(16, parser.bodyBytes());
    }

    @Test
    void connectionCloseAndHttp10AreNotKeptAliveAndResetStartsTheNextResponse() {
        assertTrue(parser.feed(ByteBuffer.wrap(bytes("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))));
        assertEquals(503, parser.status());
        assertFalse(parser.keepAlive());

        parser.reset();
        assertTrue(parser.feed(ByteBuffer.wrap(bytes("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok"))));
        assertFalse(parser.keepAlive());
    }

    @Test
    void aResponseWithoutFramingIsRefused() {
        assertThrows(IllegalStateException.class,
                () -> parser.feed(ByteBuffer.wrap(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello"))));
    }

    @Test
    void theFakeUpstreamSeesAStreamOnlyWhenStreamIsTrue() {
        assertTrue(UpstreamAnswers.asksForStream(bytes("{\"model\":\"m\",\"stream\" : true}")));
        assertFalse(UpstreamAnswers.asksForStream(bytes("{\"model\":\"m\",\"stream\":false}")));
        assertFalse(UpstreamAnswers.asksForStream(bytes("{\"model\":\"m\"}")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
