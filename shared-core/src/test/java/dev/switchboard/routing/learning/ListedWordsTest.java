package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListedWordsTest {

    /** Every listed word, as the two lists hold them. */
    private static final List<String> LISTED = Stream.concat(Arrays.stream(ListedWords.QUANTITY_WORDS),
            Arrays.stream(ListedWords.NEGATION_WORDS)).toList();

    @Test
    void theTwoLetterFilterLetEveryListedWordThroughInAnyCase() {
        for (String word : LISTED) {
            for (String form : List.of(word, word.toUpperCase(Locale.ROOT),
                    Character.toUpperCase(word.charAt(0)) + word.substring(1))) {
                assertTrue(ListedWords.mayBeListed(form.charAt(0), form.charAt(1), form.length()), form);
            }
        }
    }

    @Test
    void theTwoLetterFilterStopsWordsThatOnlyShareAFirstLetterAndALength() {
        // "the" and "trade" start like "two"/"ten" and "three" and are as long; "event" like "eight".
        for (String word : List.of("the", "trade", "event")) {
            assertTrue(ListedWords.mayBeListed(word.charAt(0), word.length()), word);
            assertFalse(ListedWords.mayBeListed(word.charAt(0), word.charAt(1), word.length()), word);
        }
    }
}
