package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 parser: comma separators, fields optionally enclosed in double quotes, a doubled quote
 * inside a quoted field for a literal quote, line breaks (CRLF, LF or a lone CR) inside quoted fields kept
 * as they are. Outside quotes any of the three line endings ends a record, so files written on any
 * platform read the same.
 *
 * <p>Strict on purpose: a quote inside an unquoted field or text after a closing quote is reported with its
 * line instead of being guessed at, because a silently mis-split row would shift the correctness labels of
 * a benchmark and nobody would notice. Blank lines are skipped (pandas, which RouteLLM uses, skips them too).
 */
public final class Rfc4180Parser {

    private static final char QUOTE = '"';
    private static final char COMMA = ',';

    private final String source;
    private final String text;
    private int pos;
    private long line = 1;

    private Rfc4180Parser(String source, String text) {
        this.source = source;
        // A UTF-8 byte-order mark is not part of the first header name.
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Parses the whole text.
     *
     * @param source the file name used in error messages
     */
    public static List<CsvRecord> parse(String source, String text) {
        return new Rfc4180Parser(source, text).records();
    }

    private List<CsvRecord> records() {
        List<CsvRecord> records = new ArrayList<>();
        while (pos < text.length()) {
            long start = line;
            List<String> fields = record();
            boolean blankLine = fields.size() == 1 && fields.get(0) == null;
            if (!blankLine) {
                records.add(new CsvRecord(start, fields.stream().map(f -> f == null ? "" : f).toList()));
            }
        }
        return records;
    }

    /** Reads one record and its line ending; an empty unquoted field is null so blank lines can be told apart. */
    private List<String> record() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(pos < text.length() && text.charAt(pos) == QUOTE ? quotedField() : unquotedField());
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos);
            if (c == COMMA) {
                pos++;
                if (pos >= text.length()) {
                    fields.add("");
                    return fields;
                }
            } else {
                consumeLineEnd();
                return fields;
            }
        }
    }

    private String quotedField() {
        long start = line;
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new MalformedDataException(source, start, "quoted field is never closed (missing '\"')");
            }
            char c = text.charAt(pos);
            if (c == QUOTE) {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == QUOTE) {
                    value.append(QUOTE);
                    pos += 2;
                    continue;
                }
                pos++; // closing quote
                if (pos < text.length() && !isFieldEnd(text.charAt(pos))) {
                    throw new MalformedDataException(source, line,
                            "unexpected character '" + text.charAt(pos) + "' after a closing quote");
                }
                return value.toString();
            }
            if (c == '\n' || (c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n'))) {
                line++;
            }
            value.append(c);
            pos++;
        }
    }

    private String unquotedField() {
        int start = pos;
        while (pos < text.length() && !isFieldEnd(text.charAt(pos))) {
            if (text.charAt(pos) == QUOTE) {
                throw new MalformedDataException(source, line,
                        "quote inside an unquoted field (a field containing quotes must be enclosed in quotes)");
            }
            pos++;
        }
        return pos == start ? null : text.substring(start, pos);
    }

    private static boolean isFieldEnd(char c) {
        return c == COMMA || c == '\n' || c == '\r';
    }

    private void consumeLineEnd() {
        if (text.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
    }
}
