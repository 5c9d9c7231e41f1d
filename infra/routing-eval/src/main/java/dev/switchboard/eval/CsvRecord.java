package dev.switchboard.eval;

import java.util.List;

/**
 * One CSV record.
 *
 * @param line   the 1-based physical line on which the record starts (a quoted field may span lines),
 *               so that errors point at the place a person would look
 * @param fields the unquoted field values
 */
public record CsvRecord(long line, List<String> fields) {

    public CsvRecord {
        fields = List.copyOf(fields);
    }
}
