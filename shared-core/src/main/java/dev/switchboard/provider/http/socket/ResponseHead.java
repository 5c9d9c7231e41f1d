package dev.switchboard.provider.http.socket;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response's status line and headers, read off the connection (interim 1xx responses skipped).
 *
 * @param http11 whether the server spoke HTTP/1.1 (an HTTP/1.0 answer keeps its connection only when it says so)
 */
record ResponseHead(int status, boolean http11, Map<String, List<String>> headers) {

    /** Status line and header lines together may not exceed this. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    static ResponseHead read(ConnectionInput in) throws IOException {
        int[] left = {MAX_HEAD_BYTES};
        while (true) {
            String statusLine = line(in, left);
            int status = status(statusLine);
            boolean http11 = statusLine.charAt(7) != '0';
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String line;
            while (!(line = line(in, left)).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("a header line without a name");
                }
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                        .add(line.substring(colon + 1).trim());
            }
            if (status >= 200) {
                return new ResponseHead(status, http11, headers);
            }
        }
    }

    String first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a comma-separated header, over all its lines, trimmed and lower-cased. */
    List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        for (String value : headers.getOrDefault(name, List.of())) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    tokens.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    /** HTTP/1.1 keeps a connection unless the server says close; HTTP/1.0 only when it says keep-alive. */
    boolean keepsConnection() {
        List<String> connection = tokens("connection");
        return http11 ? !connection.contains("close") : connection.contains("keep-alive");
    }

    private static int status(String line) throws ProtocolException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
                || !digit(line.charAt(9)) || !digit(line.charAt(10)) || !digit(line.charAt(11))) {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        try {
            return Integer.parseInt(line.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("a status line without a status code");
        }
    }

    /** The next line, its bytes (end included) taken from what the head may still use. */
    private static String line(ConnectionInput in, int[] left) throws IOException {
        try {
            String line = in.readLine(left[0]);
            left[0] -= line.length() + 2;
            return line;
        } catch (ProtocolException e) {
            throw new ProtocolException("a response head over " + MAX_HEAD_BYTES + " bytes");
        }
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
