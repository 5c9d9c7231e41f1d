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

    @Test
    void findsEveryWordOfAToZByItsPackedLettersAsByItsShape() {
        WordTable table = new WordTable(vocabularyWords());
        for (int id = 0; id < table.size(); id++) {
            String word = vocabularyWords().get(id);
            if (word.length() <= WordTable.PACKED_LETTERS && word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                assertEquals(id, table.findPacked(packed(word)), word);
                assertEquals(id, table.findPacked(packed(word.toUpperCase(java.util.Locale.ROOT))), "upper-case " + word);
            }
        }
        assertEquals(WordTable.ABSENT, table.findPacked(packed("zzyzx")));
    }

    @Test
    void packsOnlyWordsOfAToZThatFitAndTellsLengthsApart() {
        WordTable table = new WordTable(List.of("a", "aa", "implications", "abcdefghijklm", "c++", "my_name", "x1"));

        assertEquals(0, table.findPacked(packed("A")));
        assertEquals(1, table.findPacked(packed("aA")));
        assertEquals(2, table.findPacked(packed("Implications")));
        // Thirteen letters do not fit in a code; such words are found by their shape alone.
        assertEquals(3, table.find("abcdefghijklm"));
        assertEquals(WordTable.ABSENT, table.findPacked(packed("abcdefghijkl")));
        assertEquals(4, table.find("c++"));
        assertEquals(5, table.find("my_name"));
        assertEquals(6, table.find("x1"));
    }

    private static List<String> vocabularyWords() {
        List<String> words = new ArrayList<>();
        for (ScanTerm term : PromptVocabulary.RULES.terms()) {
            if (term instanceof ScanTerm.Word w && !words.contains(w.text())) {
                words.add(w.text());
            } else if (term instanceof ScanTerm.Phrase p) {
                p.words().stream().filter(x -> !words.contains(x)).forEach(words::add);
            }
        }
        return words;
    }

    private static long packed(String letters) {
        long code = 0;
        for (char c : letters.toCharArray()) {
            code = WordTable.pack(code, c);
        }
        return code;
    }

    private static int find(WordTable table, String text, int start, int end) {
        return table.find(text, start, end, WordChars.shape(text, start, end));
    }
}
