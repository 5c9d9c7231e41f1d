package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PromptAnalyzerTest {

    private final List<String> counted = new ArrayList<>();

    private PromptAnalyzer analyzerCounting(int tokens) {
        ToIntFunction<String> counter = prompt -> {
            counted.add(prompt);
            return tokens;
        };
        return new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), counter);
    }

    @Test
    void combinesPatternScoreAndTokenCountFromTheInjectedCounter() {
        String prompt = "Debug this python stack trace";

        PromptAnalysis analysis = analyzerCounting(400).analyze(prompt);

        assertEquals(PromptPattern.CODE, analysis.pattern());
        assertEquals(400, analysis.tokenCount());
        assertEquals(0.4, analysis.complexity()); // 0.25 for length + 0.15 debugging
        assertEquals(List.of("length:400_tokens(+0.25)", "debugging(+0.15)"), analysis.signals());
        assertEquals(List.of(prompt), counted);
    }

    @Test
    void agreesWithClassifierAndScorerUsedDirectly() {
        String prompt = "Write an essay that compares two novels. Why? How?";
        PromptAnalysis analysis = analyzerCounting(123).analyze(prompt);
        ComplexityScorer.Scored scored = new ComplexityScorer().score(prompt, 123);

        assertEquals(new PromptClassifier().classify(prompt), analysis.pattern());
        assertEquals(scored.complexity(), analysis.complexity());
        assertEquals(scored.signals(), analysis.signals());
    }

    @Test
    void analysisRefusesComplexityOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class,
                () -> new PromptAnalysis(PromptPattern.GENERAL, -0.01, 1, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new PromptAnalysis(PromptPattern.GENERAL, 1.01, 1, List.of()));
    }

    @Test
    void analysisSignalsAreACopy() {
        List<String> signals = new ArrayList<>(List.of("a"));
        PromptAnalysis analysis = new PromptAnalysis(PromptPattern.GENERAL, 0.5, 1, signals);
        signals.add("b");

        assertEquals(List.of("a"), analysis.signals());
        assertThrows(UnsupportedOperationException.class, () -> analysis.signals().add("c"));
    }

    @Test
    void readsOnlyThePromptsStartForKeywordsButCountsEveryToken() {
        String start = "Debug this python stack trace. ";
        String prompt = start + "x".repeat(PromptAnalyzer.SCAN_CHARS) + " prove the theorem step by step";

        PromptAnalysis analysis = analyzerCounting(9000).analyze(prompt);

        assertEquals(PromptPattern.CODE, analysis.pattern());
        assertEquals(9000, analysis.tokenCount());
        assertEquals(List.of(prompt), counted);
        assertEquals(List.of("length:9000_tokens(+0.50)", "debugging(+0.15)",
                "scanned_first_" + PromptAnalyzer.SCAN_CHARS + "_chars"), analysis.signals());
    }

    @Test
    void aLongRunOfDigitsIsStillMathWhenAnOperatorFollows() {
        String digits = "7".repeat(PromptAnalyzer.SCAN_CHARS - 10);

        assertEquals(PromptPattern.MATH, analyzerCounting(10).analyze(digits + " + 5").pattern());
        assertEquals(PromptPattern.GENERAL, analyzerCounting(10).analyze(digits).pattern());
    }
}
