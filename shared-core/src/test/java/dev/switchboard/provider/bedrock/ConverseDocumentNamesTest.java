package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConverseDocumentNamesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "report.pdf | report", "Q3  report__final.pdf | Q3 report final", "[draft] (v2)-notes.PDF | [draft] (v2)-notes",
            "résumé.pdf | r sum", "..pdf | document", "%%%.pdf | document", "no-extension | no-extension"})
    void keepsWhatConverseTakesAndMakesTheRestSingleSpaces(String filename, String name) {
        assertEquals(name, ConverseDocumentNames.of(filename));
    }

    @Test
    void aFileWithoutANameIsADocumentAndNamesAreMadeUnique() {
        Set<String> taken = new HashSet<>();
        assertEquals("document", ConverseDocumentNames.unique(null, taken));
        assertEquals("document (2)", ConverseDocumentNames.unique("???.pdf", taken));
        assertEquals("document (3)", ConverseDocumentNames.unique(null, taken));
        assertEquals("x".repeat(ConverseDocumentNames.MAX_CHARS), ConverseDocumentNames.of("x".repeat(500) + ".pdf"));
        String again = ConverseDocumentNames.unique("x".repeat(500), Set.of("x".repeat(200)).stream()
                .collect(java.util.stream.Collectors.toCollection(HashSet::new)));
        assertEquals("x".repeat(196) + " (2)", again, "the number fits inside Converse's 200 characters");
    }
}
