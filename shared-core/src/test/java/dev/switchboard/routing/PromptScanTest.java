package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptScanTest {

    private static ScanTerm word(String text) {
        return new ScanTerm.Word(text);
    }

    private static ScanTerm phrase(String spaced) {
        return ScanTerm.Phrase.of(spaced);
    }

    @Test
    void readsLowerCasedWordsAndPhrasesAcrossPunctuation() {
        PromptScan scan = new PromptScan("Pros and Cons of a step-by-step TRADE-OFF, in C++?");

        assertFalse(scan.has(phrase("why do")));
        assertTrue(scan.has(phrase("pros and cons")));
        assertTrue(scan.has(phrase("step by step")));
        assertTrue(scan.has(phrase("trade off")));
        assertFalse(scan.has(phrase("trade offs")));
        assertTrue(scan.has(word("c++")));
        assertEquals(1, scan.questions());
    }

    @Test
    void matchesWholeWordsOnly() {
        PromptScan scan = new PromptScan("pythonic java2 sql_query rewriter typescript");

        assertFalse(scan.has(word("python")));
        assertFalse(scan.has(word("java")));
        assertFalse(scan.has(word("sql")));
        assertFalse(scan.has(word("rewrite")));
        assertTrue(scan.has(word("typescript")));
        assertFalse(scan.has(word("c++")), "c++ needs its own word");
        assertFalse(new PromptScan("abc++").has(word("c++")));
        assertFalse(new PromptScan("c+ +").has(word("c++")));
    }

    @Test
    void matchesWordStartsOnlyAtTheRequestedLength() {
        PromptScan scan = new PromptScan("DEBUGGING a Scalable system");

        assertTrue(scan.has(new ScanTerm.Prefix("debug", 5)));
        assertTrue(scan.has(new ScanTerm.Prefix("scal", 5)));
        assertFalse(new PromptScan("scal").has(new ScanTerm.Prefix("scal", 5)));
        assertTrue(new PromptScan("scale").has(new ScanTerm.Prefix("scal", 5)));
    }

    @Test
    void findsAThenWithinTheDistanceOnly() {
        ScanTerm firstThen = new ScanTerm.WordThenWithin("first", "then", 200);

        assertTrue(new PromptScan("First read it, then answer.").has(firstThen));
        assertFalse(new PromptScan("then first").has(firstThen));
        // "then" may start at most 200 characters after the end of "first"
        assertTrue(new PromptScan("first " + "x".repeat(198) + " then").has(firstThen));
        assertFalse(new PromptScan("first " + "x".repeat(199) + " then").has(firstThen));
        assertTrue(new PromptScan("first " + "x ".repeat(150) + "first then").has(firstThen));
    }

    @Test
    void recognisesDeclarationsAndArithmeticShapes() {
        assertTrue(new PromptScan("def total(items):").has(new ScanTerm.Declaration("def", true)));
        assertFalse(new PromptScan("def total items").has(new ScanTerm.Declaration("def", true)));
        assertTrue(new PromptScan("class Order:").has(new ScanTerm.Declaration("class", false)));
        assertFalse(new PromptScan("a class  of its own").has(new ScanTerm.Declaration("class", false)));
        assertTrue(new PromptScan("what is 12 * 7").has(ScanTerm.Shape.ARITHMETIC));
        assertTrue(new PromptScan("2^10").has(ScanTerm.Shape.ARITHMETIC));
        assertFalse(new PromptScan("x = 5 and y").has(ScanTerm.Shape.ARITHMETIC));
        assertTrue(new PromptScan("```java\n```").has(ScanTerm.Shape.CODE_FENCE));
        assertFalse(new PromptScan("`` `").has(ScanTerm.Shape.CODE_FENCE));
    }

    @Test
    void underscoresArePartOfWordsAsInARegularExpression() {
        ScanVocabulary vocabulary = new ScanVocabulary(List.of(word("my_function"), word("error"),
                new ScanTerm.Declaration("def", true), new ScanTerm.Declaration("class", false)));
        PromptScan scan = new PromptScan("my_function returns error_code; def __init__(self):", 1_000, vocabulary);

        assertTrue(scan.has(word("my_function")));
        assertFalse(scan.has(word("error")));
        assertTrue(scan.has(new ScanTerm.Declaration("def", true)));
        assertTrue(new PromptScan("class _Private:").has(new ScanTerm.Declaration("class", false)));
    }

    @Test
    void phrasesDoNotReachAcrossPunctuationOrLineBreaks() {
        assertFalse(new PromptScan("the trade. Off we go").has(phrase("trade off")));
        assertFalse(new PromptScan("step\nby step").has(phrase("step by step")));
        assertTrue(new PromptScan("trade-off").has(phrase("trade off")));
        assertFalse(new PromptScan("pros  and cons").has(phrase("pros and cons")));
        assertFalse(new PromptScan("pros and sons and cons").has(phrase("pros and cons")));
        assertTrue(new PromptScan("at at least").has(phrase("at least")));
    }

    @Test
    void foldsCaseOneCharacterAtATimeAsJavaDoes() {
        assertTrue(new PromptScan("PYTHON").has(word("python")));
        // KELVIN SIGN and capital I with a dot fold to ASCII 'k' and 'i', as they did in the String scan
        assertTrue(new PromptScan("\u212Aotlin").has(word("kotlin")));
        assertTrue(new PromptScan("\u0130ntegral").has(word("integral")));
        // non-ASCII letters are word characters, so they do not end a word
        assertFalse(new PromptScan("pythoné").has(word("python")));
        assertFalse(new PromptScan("ßsolve").has(word("solve")));
        // a character outside the BMP is two chars, neither a letter, so it separates words
        assertTrue(new PromptScan("\uD835\uDC31python").has(word("python")));
    }

    @Test
    void readsNothingPastTheLimit() {
        ScanVocabulary rules = PromptVocabulary.RULES;
        String prompt = "python c++ def f( ``` step by step 1 + 2? ";
        int cut = prompt.indexOf("++") + 1;

        PromptScan scan = new PromptScan(prompt, cut, rules);

        assertTrue(scan.has(word("python")));
        assertFalse(scan.has(word("c++")), "c+ at the limit is not c++");
        assertFalse(scan.has(new ScanTerm.Declaration("def", true)));
        assertFalse(scan.has(ScanTerm.Shape.CODE_FENCE));
        assertEquals(0, scan.questions());
        assertFalse(new PromptScan(prompt, 3, rules).has(word("python")), "a word cut by the limit is another word");
        assertFalse(new PromptScan(prompt, prompt.indexOf('('), rules).has(new ScanTerm.Declaration("def", true)));
        assertFalse(new PromptScan(prompt, prompt.indexOf("```") + 2, rules).has(ScanTerm.Shape.CODE_FENCE));
        assertFalse(new PromptScan(prompt, prompt.indexOf("step by step") + "step by st".length(), rules).has(phrase("step by step")));
        assertTrue(new PromptScan(prompt, prompt.length(), rules).has(ScanTerm.Shape.ARITHMETIC));
        assertFalse(new PromptScan(prompt, prompt.indexOf('2'), rules).has(ScanTerm.Shape.ARITHMETIC));
        assertTrue(new PromptScan(prompt, 1_000_000, rules).has(phrase("step by step")));
    }

    @Test
    void refusesTermsItWasNotToldToLookFor() {
        PromptScan scan = new PromptScan("anything");

        assertThrows(IllegalArgumentException.class, () -> scan.has(word("anything")));
    }
}
