package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The copy of RouteLLM's data in this module is intact and reads completely (tests run in the module folder). */
class BundledDataTest {

    private static final Path DATA = Path.of("data", "routellm");

    @Test
    void everyFileMatchesItsChecksum() throws Exception {
        List<String> lines = Files.readAllLines(DATA.resolve("SHA256SUMS"));
        assertEquals(49, lines.size());
        for (String line : lines) {
            String expected = line.substring(0, 64);
            Path file = DATA.resolve(line.substring(66));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertEquals(expected, actual, file.toString());
        }
        assertTrue(Files.isRegularFile(DATA.resolve("LICENSE")));
        assertTrue(Files.isRegularFile(DATA.resolve("SOURCE.md")));
    }

    @Test
    void readsAllPromptsAndDropsTheContaminatedOnesAsRouteLlmDoes() {
        RouteLlmCsv reader = new RouteLlmCsv();
        PromptSet gsm8k = reader.read(DATA.resolve("gsm8k"));
        assertEquals(1307, gsm8k.size());
        assertEquals(12, gsm8k.contaminatedDropped());
        PromptSet mmlu = reader.read(DATA.resolve("mmlu"));
        assertEquals(11898 - 4, mmlu.size());
        assertEquals(4, mmlu.contaminatedDropped());
        assertEquals(46, mmlu.prompts().stream().map(LabelledPrompt::source).distinct().count());
    }
}
