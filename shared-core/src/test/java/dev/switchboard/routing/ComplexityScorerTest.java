package dev.switchboard.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComplexityScorerTest {

    private static final String NEUTRAL = "hello there";

    private final ComplexityScorer scorer = new ComplexityScorer();

    @ParameterizedTest(name = "{0} tokens -> {1}")
    @CsvSource(textBlock = """
            0,     0.0,   length:0_tokens(+0.00)
            80,    0.05,  length:80_tokens(+0.05)
            400,   0.25,  length:400_tokens(+0.25)
            800,   0.5,   length:800_tokens(+0.50)
            8000,  0.5,   length:8000_tokens(+0.50)
            """)
    void lengthCarriesUpToHalfTheScore(int tokens, double expected, String signal) {
        ComplexityScorer.Scored scored = scorer.score(NEUTRAL, tokens);

        assertEquals(expected, scored.complexity());
        assertEquals(List.of(signal), scored.signals());
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            go step by step                     | multi_step  | 0.15
            first boil water, then add pasta    | multi_step  | 0.15
            explain why the sky is blue         | reasoning   | 0.2
            EXPLAIN WHY the sky is blue         | reasoning   | 0.2
            cats versus dogs                    | comparison  | 0.15
            list the trade-offs                 | comparison  | 0.15
            design a logo                       | design      | 0.15
            ```ls```                            | code_block  | 0.15
            there is a bug in my code           | debugging   | 0.15
            what is a derivative                | math        | 0.15
            it must rhyme                       | constraints | 0.1
            """)
    void eachSignalAddsItsWeightAndIsRecorded(String prompt, String signal, double weight) {
        ComplexityScorer.Scored scored = scorer.score(prompt, 0);

        assertEquals(weight, scored.complexity());
        assertEquals(List.of("length:0_tokens(+0.00)", String.format(java.util.Locale.ROOT, "%s(+%.2f)", signal, weight)),
                scored.signals());
    }

    @Test
    void signalsAddUpWithLength() {
        ComplexityScorer.Scored scored = scorer.score("Compare this design and explain why one is better", 400);

        // 0.25 length + 0.15 comparison + 0.15 design + 0.2 reasoning
        assertEquals(0.75, scored.complexity());
        assertEquals(List.of("length:400_tokens(+0.25)", "reasoning(+0.20)", "comparison(+0.15)", "design(+0.15)"),
                scored.signals());
    }

    @Test
    void clampsToOne() {
        String everything = "Step by step, explain why and compare: design a distributed system, debug the error "
                + "in ```code```, solve the equation; it must be exact. Why? How? What?";

        ComplexityScorer.Scored scored = scorer.score(everything, 10_000);

        assertEquals(1.0, scored.complexity());
        assertEquals(10, scored.signals().size(), scored.signals().toString());
    }

    @ParameterizedTest(name = "[{index}] '{0}'")
    @ValueSource(strings = {"", "?", "hi", "!!!???", "```", "prove it step by step, compare, design, debug the matrix"})
    void scoreStaysWithinZeroAndOne(String prompt) {
        for (int tokens : new int[] {0, 1, 799, 800, 1_000_000}) {
            double complexity = scorer.score(prompt, tokens).complexity();
            assertTrue(complexity >= 0.0 && complexity <= 1.0, prompt + " @" + tokens + " -> " + complexity);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            why?                      | 0.0  |
            why? how?                 | 0.05 | questions:2(+0.05)
            a? b? c?                  | 0.1  | questions:3(+0.10)
            a? b? c? d?               | 0.15 | questions:4(+0.15)
            ??????????                | 0.15 | questions:10(+0.15)
            """)
    void secondAndLaterQuestionsAddABonusCappedAtFifteenHundredths(String prompt, double expected, String signal) {
        ComplexityScorer.Scored scored = scorer.score(prompt, 0);

        assertEquals(expected, scored.complexity());
        List<String> expectedSignals = signal == null
                ? List.of("length:0_tokens(+0.00)")
                : List.of("length:0_tokens(+0.00)", signal);
        assertEquals(expectedSignals, scored.signals());
    }

    @Test
    void roundsToThreeDecimals() {
        // 0.5 * 1 / 800 = 0.000625
        assertEquals(0.001, scorer.score(NEUTRAL, 1).complexity());
    }
}
