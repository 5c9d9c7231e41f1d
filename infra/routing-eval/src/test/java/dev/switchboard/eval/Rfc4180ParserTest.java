package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Rfc4180ParserTest {

    private static List<List<String>> fields(String text) {
        return Rfc4180Parser.parse("t.csv", text).stream().map(CsvRecord::fields).toList();
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() {
        String text = "prompt,w\n\"a, b\",1\n\"say \"\"hi\"\"\",2\n\"line1\nline2\r\nline3\",3\n";
        assertEquals(List.of(
                List.of("prompt", "w"),
                List.of("a, b", "1"),
                List.of("say \"hi\"", "2"),
                List.of("line1\nline2\r\nline3", "3")), fields(text));
    }

    @Test
    void acceptsCrLfLoneCrAndAMissingFinalLineBreak() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")), fields("a,b\r\nc,d\re,f"));
    }

    @Test
    void keepsEmptyFieldsIncludingATrailingOne() {
        assertEquals(List.of(List.of("", "x", ""), List.of("", "")), fields(",x,\n\"\",\n"));
    }

    @Test
    void skipsBlankLinesAndAByteOrderMark() {
        assertEquals(List.of(List.of("prompt"), List.of("a")), fields("\uFEFFprompt\n\n\r\na\n\n"));
    }

    @Test
    void recordsTheLineEachRecordStartsOn() {
        List<CsvRecord> records = Rfc4180Parser.parse("t.csv", "h\n\"x\ny\nz\"\nnext\r\n\r\nlast\n");
        assertEquals(List.of(1L, 2L, 5L, 7L), records.stream().map(CsvRecord::line).toList());
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndTheLineWhereTheFieldStarted() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> Rfc4180Parser.parse("data/x.csv", "h\nok\n\"never\nclosed\n"));
        assertTrue(e.getMessage().startsWith("data/x.csv:3: quoted field is never closed"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsAnError() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> Rfc4180Parser.parse("x.csv", "h\n\"a\"b,c\n"));
        assertTrue(e.getMessage().startsWith("x.csv:2: unexpected character 'b'"), e.getMessage());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnError() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> Rfc4180Parser.parse("x.csv", "h\nab\"c\n"));
        assertTrue(e.getMessage().startsWith("x.csv:2: quote inside an unquoted field"), e.getMessage());
    }
}
