package dev.switchboard.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteLlmCsvTest {

    private static final String HEADER = "prompt," + RouteLlmCsv.WEAK_MODEL + "," + RouteLlmCsv.STRONG_MODEL + "\n";

    @TempDir
    Path dir;

    @Test
    void readsLabelsByColumnNameAndIgnoresOtherColumns() {
        String text = RouteLlmCsv.STRONG_MODEL + ",answer,prompt," + RouteLlmCsv.WEAK_MODEL + "\r\n"
                + "True,\"long, \"\"quoted\"\"\nanswer\",\"What is 2+2?\nA. 4\",False\r\n"
                + "false,x,Plain,TRUE\r\n";
        List<LabelledPrompt> prompts = RouteLlmCsv.parse("f.csv", "f", text);
        assertEquals(List.of(
                new LabelledPrompt("f", "What is 2+2?\nA. 4", false, true),
                new LabelledPrompt("f", "Plain", true, false)), prompts);
    }

    @Test
    void aMissingModelColumnIsNamedWithTheHeaderLine() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> RouteLlmCsv.parse("m.csv", "m", "prompt,gpt-4-1106-preview\nx,True\n"));
        assertTrue(e.getMessage().startsWith("m.csv:1: missing column \"" + RouteLlmCsv.WEAK_MODEL + "\""), e.getMessage());
    }

    @Test
    void aColumnNamedTwiceIsAnErrorNamingIt() {
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> RouteLlmCsv.parse("d.csv", "d",
                HEADER.strip() + "," + RouteLlmCsv.WEAK_MODEL + "\nx,True,True,False\n"));
        assertEquals("d.csv:1: column \"" + RouteLlmCsv.WEAK_MODEL + "\" appears more than once in the header",
                e.getMessage());
        assertThrows(MalformedDataException.class, () -> RouteLlmCsv.parse("i.csv", "i", "note," + HEADER.strip()
                + ",note\na,x,True,True,b\n"), "an ignored column named twice is as ambiguous");
    }

    @Test
    void aLabelThatIsNotABooleanNamesFileLineAndColumn() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> RouteLlmCsv.parse("b.csv", "b", HEADER + "ok,True,False\n\"two\nlines\",yes,True\n"));
        assertEquals("b.csv:3: column \"" + RouteLlmCsv.WEAK_MODEL + "\" must be True or False, found \"yes\"",
                e.getMessage());
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnError() {
        MalformedDataException e = assertThrows(MalformedDataException.class,
                () -> RouteLlmCsv.parse("r.csv", "r", HEADER + "a, b,True,False\n"));
        assertEquals("r.csv:2: expected 3 fields as in the header, found 4", e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThrows(MalformedDataException.class, () -> RouteLlmCsv.parse("e.csv", "e", "\n"));
    }

    @Test
    void dropsPromptsListedAsEvalPromptInTheSameFolderOnly() throws Exception {
        Path bench = Files.createDirectories(dir.resolve("bench"));
        Files.writeString(bench.resolve("set.csv"), HEADER + "keep me,True,True\n\"leaked\nprompt\",False,True\nalso kept,False,False\n");
        Files.writeString(bench.resolve(ContaminatedPrompts.FILE_NAME),
                "{\"train_prompt\":\"also kept\",\"train_idx\":1,\"eval_prompt\":\"leaked\\nprompt\",\"eval_idx\":2}\n\n");
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("o.csv"), HEADER + "\"leaked\nprompt\",True,True\n");

        PromptSet set = new RouteLlmCsv().read(bench.resolve("set.csv"));
        assertEquals(List.of("keep me", "also kept"), set.prompts().stream().map(LabelledPrompt::prompt).toList());
        assertEquals(1, set.contaminatedDropped());
        assertEquals("set", set.name());
        assertEquals("bench", set.group());
        assertEquals(1, new RouteLlmCsv().read(other).size(), "a list applies to its own folder only");
    }

    @Test
    void aMalformedContaminationListNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("s.csv"), HEADER + "x,True,True\n");
        Files.writeString(dir.resolve(ContaminatedPrompts.FILE_NAME), "{\"eval_prompt\":\"a\"}\n{\"train_prompt\":\"b\"}\n");
        MalformedDataException e = assertThrows(MalformedDataException.class, () -> new RouteLlmCsv().read(dir));
        assertTrue(e.getMessage().endsWith(ContaminatedPrompts.FILE_NAME + ":2: expected a JSON object with a string field \"eval_prompt\""),
                e.getMessage());
    }

    @Test
    void aFolderIsReadRecursivelyInPathOrder() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/z.csv"), HEADER + "third,True,True\n");
        Files.writeString(dir.resolve("b/a.csv"), HEADER + "second,True,True\n");
        Files.writeString(dir.resolve("a.csv"), HEADER + "first,True,True\n");
        Files.writeString(dir.resolve("notes.txt"), "not data");

        PromptSet set = new RouteLlmCsv().read(dir);
        assertEquals(List.of("first", "second", "third"), set.prompts().stream().map(LabelledPrompt::prompt).toList());
        assertEquals(List.of("a", "a", "z"), set.prompts().stream().map(LabelledPrompt::source).toList());
    }

    @Test
    void aMissingPathIsReportedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RouteLlmCsv().read(dir.resolve("nope.csv")));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }
}
