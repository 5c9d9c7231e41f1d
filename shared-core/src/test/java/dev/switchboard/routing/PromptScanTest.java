package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptScanTest {

    @Test
    void readsLowerCasedWordsAndPhrasesAcrossPunctuation() {
        PromptScan scan = new PromptScan("Pros and Cons of a step-by-step TRADE-OFF, in C++?");

        assertTrue(scan.hasWord("pros"));
        assertTrue(scan.hasPhrase("pros", "and", "cons"));
        assertTrue(scan.hasPhrase("step", "by", "step"));
        assertTrue(scan.hasPhrase("trade", "off"));
        assertTrue(scan.hasWord("c++"));
        assertFalse(scan.hasPhrase("and", "pros"));
        assertEquals(1, scan.questions());
    }

    @Test
    void matchesWordStartsOnlyAtTheRequestedLength() {
        PromptScan scan = new PromptScan("debugging a scalable system");

        assertTrue(scan.hasWordStartingWith("debug", 5));
        assertTrue(scan.hasWordStartingWith("scal", 5));
        assertFalse(new PromptScan("scal").hasWordStartingWith("scal", 5));
    }

    @Test
    void findsAThenWithinTheDistanceOnly() {
        assertTrue(new PromptScan("First read it, then answer.").hasWordThenWithin("first", "then", 200));
        assertFalse(new PromptScan("first " + "x ".repeat(150) + "then").hasWordThenWithin("first", "then", 200));
    }

    @Test
    void recognisesDeclarationsAndArithmeticShapes() {
        assertTrue(new PromptScan("def total(items):").hasDeclaration("def", true));
        assertFalse(new PromptScan("def total items").hasDeclaration("def", true));
        assertTrue(new PromptScan("class Order:").hasDeclaration("class", false));
        assertFalse(new PromptScan("a class  of its own").hasDeclaration("class", false));
        assertTrue(new PromptScan("what is 12 * 7").arithmetic());
        assertTrue(new PromptScan("2^10").arithmetic());
        assertFalse(new PromptScan("x = 5 and y").arithmetic());
        assertTrue(new PromptScan("```java\n```").codeFence());
    }

    @Test
    void underscoresArePartOfWordsAsInARegularExpression() {
        PromptScan scan = new PromptScan("my_function returns error_code; def __init__(self):");

        assertTrue(scan.hasWord("my_function"));
        assertFalse(scan.hasWord("error"));
        assertTrue(scan.hasDeclaration("def", true));
        assertTrue(new PromptScan("class _Private:").hasDeclaration("class", false));
    }

    @Test
    void phrasesDoNotReachAcrossPunctuationOrLineBreaks() {
        assertFalse(new PromptScan("the trade. Off we go").hasPhrase("trade", "off"));
        assertFalse(new PromptScan("step\nby step").hasPhrase("step", "by", "step"));
        assertTrue(new PromptScan("trade-off").hasPhrase("trade", "off"));
        assertFalse(new PromptScan("pros  and cons").hasPhrase("pros", "and", "cons"));
    }
}
