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
        // Distinct words with one String hash: only the character comparison tells them apart.
        words.add("aa" + (char) ('a' + 31));
        words.add("ab" + 'a');
        WordTable table = new WordTable(words);

        for (int id = 0; id < words.size(); id++) {
            assertEquals(id, table.find(words.get(id)), words.get(id));
        }
        assertEquals(words.get(300).hashCode(), words.get(301).hashCode());
        assertEquals(WordTable.ABSENT, table.find("w300"));
        assertEquals(WordTable.ABSENT, table.find("ab"));
    }

    private static int find(WordTable table, String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = WordChars.hashStep(hash, WordChars.fold(text.charAt(i)));
        }
        return table.find(text, start, end, hash);
    }
}
