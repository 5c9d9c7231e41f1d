package dev.switchboard.routing;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PromptClassifierTest {

    private final PromptClassifier classifier = new PromptClassifier();

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Fix this python function, it throws a TypeError          | CODE
            ```ls -la```                                             | CODE
            def parse(line): return line                             | CODE
            Please refactor the class Parser                         | CODE
            Write a short poem about autumn                          | WRITING
            Summarize this article in a friendly tone                | WRITING
            Draft an email to my landlord                            | WRITING
            Analyze the pros and cons of remote work                 | ANALYSIS
            Evaluate the trade-offs of this strategy                 | ANALYSIS
            Why does inflation rise? Assess the implications         | ANALYSIS
            Solve the equation 2x + 3 = 7                            | MATH
            Compute 12 * 7                                           | MATH
            Prove the theorem about eigenvalues of a matrix          | MATH
            What is the capital of France                            | GENERAL
            hello                                                    | GENERAL
            """)
    void namesThePatternWithTheMostEvidence(String prompt, PromptPattern expected) {
        assertEquals(expected, classifier.classify(prompt));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            WRITE AN ESSAY ABOUT DOGS           | WRITING
            Explain The PYTHON GIL              | CODE
            """)
    void ignoresCase(String prompt, PromptPattern expected) {
        assertEquals(expected, classifier.classify(prompt));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Write a python script                         | CODE
            Write an analysis                             | WRITING
            Evaluate the integral                         | ANALYSIS
            """)
    void breaksTiesInTheOrderOfThePatternEnum(String prompt, PromptPattern expected) {
        // one hit each: CODE before WRITING before ANALYSIS before MATH
        assertEquals(expected, classifier.classify(prompt));
    }

    @ParameterizedTest(name = "GENERAL <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            my rewriter keeps crashing
            the storyline was thin
            a functional approach
            ''
            """)
    void matchesWholeWordsOnlySoNoEvidenceMeansGeneral(String prompt) {
        assertEquals(PromptPattern.GENERAL, classifier.classify(prompt == null ? "" : prompt));
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Solve this equation in python: 3 + 4                       | MATH
            Write a blog post: analyze and compare the trade-offs      | ANALYSIS
            """)
    void moreEvidenceBeatsEnumOrder(String prompt, PromptPattern expected) {
        // CODE 1 hit vs MATH 2 hits; WRITING 1 hit vs ANALYSIS 2 hits
        assertEquals(expected, classifier.classify(prompt));
    }
}
