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
}
