package dev.switchboard.provider.http.socket;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConnectionInputTest {

    /** A 4-byte buffer, so that lines and their CRLF fall across refills. */
    private static ConnectionInput over(String bytes) {
        return new ConnectionInput(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)), 4);
    }

    @Test
    void linesEndAtCrlfOrBareLfWhereverTheBufferIsRefilled() throws IOException {
        ConnectionInput in = over("HTTP/1.1 200 OK\r\nA: b\nC: d\r\n\r\nbody");

        assertEquals("HTTP/1.1 200 OK", in.readLine(100));
        assertEquals("A: b", in.readLine(100));
        assertEquals("C: d", in.readLine(100));
        assertEquals("", in.readLine(100));
        assertEquals("body", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void aLineLongerThanItsLimitIsAProtocolErrorAndAnEndInsideOneIsAnEof() {
        assertThrows(ProtocolException.class, () -> over("0123456789\r\n").readLine(8));
        assertThrows(EOFException.class, () -> over("no end").readLine(100));
    }

    @Test
    void bulkReadsTakeWhatTheBufferHoldsBeforeTheStream() throws IOException {
        ConnectionInput in = over("5\r\nhello");
        assertEquals("5", in.readLine(10));

        byte[] target = new byte[5];
        int n = in.readNBytes(target, 0, 5);

        assertEquals(5, n);
        assertEquals("hello", new String(target, StandardCharsets.ISO_8859_1));
    }
}
