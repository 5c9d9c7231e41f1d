package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanVocabularyTest {

    @Test
    void looksForATermSharedByTwoRulesOnce() {
        KeywordRule first = KeywordRule.words("debug").or(KeywordRule.phrases("stack trace"));
        KeywordRule second = KeywordRule.phrases("stack trace").or(KeywordRule.prefix("debug", 0));
        List<ScanTerm> terms = new java.util.ArrayList<>(first.terms());
        terms.addAll(second.terms());

        ScanVocabulary vocabulary = new ScanVocabulary(terms);

        assertEquals(3, vocabulary.bitCount());
        assertEquals(List.of(new ScanTerm.Word("debug"), ScanTerm.Phrase.of("stack trace"),
                new ScanTerm.Prefix("debug", 5)), List.copyOf(vocabulary.terms()));
    }

    @Test
    void aRuleHoldsWhenAnyOfItsTermsIsFound() {
        KeywordRule rule = KeywordRule.words("solve").or(KeywordRule.shape(ScanTerm.Shape.ARITHMETIC));
        KeywordRule other = KeywordRule.phrases("walk me through");
        ScanVocabulary vocabulary = new ScanVocabulary(concat(rule, other));
        TermMask mask = vocabulary.mask(rule);

        assertTrue(mask.matches(new PromptScan("Solve it", 100, vocabulary)));
        assertTrue(mask.matches(new PromptScan("what is 2 + 2", 100, vocabulary)));
        assertFalse(mask.matches(new PromptScan("walk me through it", 100, vocabulary)));
        assertTrue(vocabulary.mask(other).matches(new PromptScan("walk me through it", 100, vocabulary)));
    }

    @Test
    void refusesToMaskARuleWithTermsItDoesNotLookFor() {
        ScanVocabulary vocabulary = new ScanVocabulary(KeywordRule.words("solve").terms());

        assertThrows(IllegalArgumentException.class, () -> vocabulary.mask(KeywordRule.words("solve", "prove")));
    }

    @Test
    void termsMustBeLowerCaseAndPhrasesLongerThanAWord() {
        assertThrows(IllegalArgumentException.class, () -> new ScanTerm.Word("Python"));
        assertThrows(IllegalArgumentException.class, () -> new ScanTerm.Word(""));
        assertThrows(IllegalArgumentException.class, () -> ScanTerm.Phrase.of("alone"));
        assertThrows(IllegalArgumentException.class, () -> new ScanTerm.Prefix("debug", 4));
    }

    @Test
    void everyRuleOfTheClassifierAndTheScorerIsInTheSharedVocabulary() {
        for (KeywordRule rule : concatRules()) {
            for (ScanTerm term : rule.terms()) {
                assertTrue(PromptVocabulary.RULES.bit(term) != ScanVocabulary.NONE, term.toString());
            }
        }
    }

    private static List<ScanTerm> concat(KeywordRule a, KeywordRule b) {
        return a.or(b).terms();
    }

    private static List<KeywordRule> concatRules() {
        List<KeywordRule> rules = new java.util.ArrayList<>(PromptClassifier.rules());
        rules.addAll(ComplexityScorer.rules());
        return rules;
    }

    @Test
    void thePrefixShapesLetThroughEveryWordThatAPrefixMatches() {
        ScanVocabulary vocabulary = PromptVocabulary.RULES;
        ShapeFilter shapes = vocabulary.shapes();
        for (String word : List.of("architecture", "Scaling", "scale", "OPTIMIZE", "optimised", "debugger", "debug",
                "eigenvalue", "eigen")) {
            int shape = WordChars.shape(word, 0, word.length());
            assertTrue(shapes.mayStartPrefix(shape), word);
        }
        for (String word : List.of("and", "compare", "scal", "offs", "optic")) {
            int shape = WordChars.shape(word, 0, word.length());
            assertFalse(shapes.mayStartPrefix(shape), word);
        }
    }
}
