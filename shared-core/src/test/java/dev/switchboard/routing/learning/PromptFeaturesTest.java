package dev.switchboard.routing.learning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PromptFeaturesTest {

    private static double feature(String prompt, String name) {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(prompt, x);
        return x[PromptFeatures.NAMES.indexOf(name)];
    }

    @Test
    void countsQuantitiesAsDigitsAndNumberWords() {
        String problem = "Tom has 3.5 apples and twice as many pears, 1,200 in all. How many pears?";

        assertEquals(Math.log1p(2), feature(problem, "log_numbers"), 1e-12);      // 3.5 and 1,200
        assertEquals(Math.log1p(3), feature(problem, "log_quantities"), 1e-12);   // and "twice"
        assertEquals(0.5, feature(problem, "decimal_share"), 1e-12);
        assertEquals(Math.log1p(2), feature(problem, "log_sentences"), 1e-12);
        assertEquals(Math.log1p(1), feature(problem, "log_question_marks"), 1e-12);
        assertEquals(0, feature(problem, "has_options"));
    }

    @Test
    void separatesAnExamQuestionsStemFromItsOptions() {
        String question = "Which is NOT a prime?\nA. 2\nB. 3\nC. 9\nD. 11\nAnswer:";
        int stem = "Which is NOT a prime?\n".length();

        assertEquals(stem, ReferencePromptFeatures.firstOptionLine(question));
        assertEquals(1, feature(question, "has_options"));
        assertEquals(Math.log1p(stem), feature(question, "log_stem_chars"), 1e-12);
        assertEquals((question.length() - stem) / (double) question.length(), feature(question, "option_share"), 1e-12);
        assertEquals(1, feature(question, "emphasised_negation"));
        assertEquals(0, feature("Which is not a prime?", "emphasised_negation"));
    }

    @Test
    void anEmptyPromptIsAllZeros() {
        double[] x = new double[PromptFeatures.COUNT];
        PromptFeatures.extract("", x);

        assertEquals(0, java.util.Arrays.stream(x).map(Math::abs).sum());
    }

    @Test
    void refusesAnArrayTooSmall() {
        assertThrows(IllegalArgumentException.class, () -> PromptFeatures.extract("hi", new double[3]));
    }
}
