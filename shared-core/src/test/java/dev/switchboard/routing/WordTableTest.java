package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WordTableTest {

    @Test
    void findsAStretchOfTextByItsFoldedCharacters() {
        WordTable table = new WordTable(List.of("python", "c++", "sql"));
        String text = "Use PYTHON, Sql or C++";

        assertEquals(0, find(table, text, 4, 10));
        assertEquals(2, find(table, text, 12, 15));
        assertEquals(1, find(table, text, 19, 22));
        assertEquals(WordTable.ABSENT, find(table, text, 4, 9), "a shorter stretch is another word");
        assertEquals(WordTable.ABSENT, find(table, text, 0, 3));
    }

    @Test
    void keepsEveryWordApartWhenSlotsAndHashesCollide() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            words.add("w" + i);
        }
        // Distinct words of one shape (same length, same first two characters):
        // only the character comparison tells them apart.
        words.add("compile");
        words.add("compute");
        WordTable table = new WordTable(words);

        for (int id = 0; id < words.size(); id++) {
            assertEquals(id, table.find(words.get(id)), words.get(id));
        }
        assertEquals(WordChars.shape("compile", 0, 7), WordChars.shape("compute", 0, 7));
        assertEquals(WordTable.ABSENT, table.find("w300"));
        assertEquals(WordTable.ABSENT, table.find("comxxte"));
        assertEquals(WordTable.ABSENT, table.find(""));
    }

    private static int find(WordTable table, String text, int start, int end) {
        return table.find(text, start, end, WordChars.shape(text, start, end));
    }
}
