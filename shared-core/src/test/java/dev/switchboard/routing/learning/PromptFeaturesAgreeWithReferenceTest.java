package dev.switchboard.routing.learning;

import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saved learner states (version 2) hold weights and statistics over these features, so their values
 * must not move by one bit: both ways of taking them now (the learner's own pass, and the router's scan
 * through the analyzer) are compared, exactly, with the two-pass extraction they replaced, on every
 * text of the bundled RouteLLM data, on random prompts built from the characters each feature turns on,
 * and on hand-written edge cases cut at every length.
 */
class PromptFeaturesAgreeWithReferenceTest {

    private static final Path ROUTELLM = Path.of("..", "infra", "routing-eval", "data", "routellm");

    private static final PromptAnalyzer ANALYZER =
            new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), prompt -> 1);

    private static final List<String> PIECES = List.of("one", "Two", "THREE", "thousand", "percent", "twice",
            "Dozen", "halfway", "the", "there", "NOT", "Not", "EXCEPT", "LEAST", "FALSE", "FALSEHOOD", "NOTE", "N",
            "notwithstanding", "extraordinarily", "abcdefghijkl", "abcdefghijklm", "onetwothreefour", "c++", "C++",
            "x", "I", "3", "12", "3.5", "1,200", "1.2.3", "1..2", "1,,2", ".5", "5.", "0.", "42abc", "abc42", "a_b",
            "_1", "3_4", "café", "naïve", "İ", "\u212A", "ß", "\u0660", "\uD835\uDC31", "Σ", "\uFB01", "’",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\u00A0", "\u2003", ".", ". ", "? ", "! ", "?", "!", "...",
            ",", ", ", "\"", "'", "+", "*", "/", "=", "^", "<", ">", "$", "%", "(", ")", "-", "`", "```", "\\",
            "\nA. ", "\nB. ", "\nC. ", "\nD. ", "\nE. ", "\nA.", "\nA ", "A. ", "\nAnswer:", "\nd. ");

    @Test
    void agreeOnEveryTextOfTheRouteLlmData() throws IOException {
        List<String> texts = routeLlmTexts();
        // 46 MMLU subjects and GSM8K with both models' answers: thousands of prompts and long responses.
        assertTrue(texts.size() > 10_000, "RouteLLM texts read: " + texts.size());
        int scanned = 0;
        for (String text : texts) {
            scanned += assertAgrees(text) ? 1 : 0;
        }
        assertEquals(texts.size(), scanned, "every RouteLLM text fits in the scan bound");
    }

    @Test
    void agreeOnRandomPrompts() {
        Random random = new Random(20_261_128L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder prompt = new StringBuilder();
            int pieces = random.nextInt(40);
            for (int k = 0; k < pieces; k++) {
                prompt.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            assertAgrees(prompt.toString());
        }
    }

    @Test
    void agreeOnEdgeCasesCutAtEveryLength() {
        for (String prompt : List.of(
                "Which is NOT a prime?\nA. 2\nB. 3\nC. 9\nD. 11\nAnswer:",
                "A. first line is an option. NOT here.\nB. no",
                "Stem. EXCEPT this?\nC. opt NOT\nA. later option",
                "Tom has 3.5 apples and twice as many pears, 1,200 in all. How many pears?",
                "1.2.3.4 and 1,2.3 and 1..2 and 1., and .5 and 3.x and 3,a",
                "c++ and C++x and cc++ and c+ and 1++2 and c++1",
                "ONE TWO Three FOUR fivesix sixty Hundred hundreds MILLION quarter Quarters",
                "NOT_ALLOWED NOTs NOT1 1NOT N.O.T. LEAST3 \"FALSE\" (EXCEPT)",
                "Why?Really?! Yes. No.\tMaybe.\nEnd.",
                "café NAÏVE İNT naïve_3 \u0660\u0661 12\u0662 ŞİMDİ", "$5 + 10% = x^2 < y > z * 3 / 4",
                "\n\n\nA. x", "\nA. ", "A. ", "A.", "?", ".", "", "a", "A", "1")) {
            for (int cut = 0; cut <= prompt.length(); cut++) {
                assertAgrees(prompt.substring(0, cut));
            }
        }
    }

    @Test
    void aPromptLongerThanTheScanBoundHasNoScannedFeaturesButTheLearnerReadsItAlike() {
        String prompt = "A NOT so short prompt, 3.5 times over.\n".repeat(PromptAnalyzer.SCAN_CHARS / 20) + "A. one";

        assertTrue(prompt.length() > PromptAnalyzer.SCAN_CHARS);
        assertEquals(Optional.empty(), ANALYZER.analyze(prompt).learnerFeatures());
        assertArrayEquals(reference(prompt), FeatureVector.of(prompt).toArray());
    }

    @Test
    void theLearnerEstimatesAlikeFromScannedFeatures() {
        LogisticDifficultyLearner learner = new LogisticDifficultyLearner(LearnerOptions.DEFAULTS);
        for (int i = 0; i < 100; i++) {
            learner.observe("Prove that the sum of the first " + i + " odd numbers is a perfect square.", true);
            learner.observe("What is " + i + " plus one?", false);
        }
        for (String prompt : List.of("What is 7 plus one?", "Prove it.", "Which is NOT even?\nA. 2\nB. 3")) {
            FeatureVector scanned = ANALYZER.analyze(prompt).learnerFeatures().orElseThrow();
            assertEquals(learner.estimate(prompt), learner.estimate(prompt, scanned), prompt);
        }
    }

    /** Whether the scan took features (the prompt fits its bound); either way both ways must agree. */
    private static boolean assertAgrees(String prompt) {
        double[] expected = reference(prompt);
        double[] alone = new double[PromptFeatures.COUNT];
        PromptFeatures.extract(prompt, alone);
        assertArrayEquals(expected, alone, () -> "learner's own pass on \"" + prompt + "\"");
        PromptAnalysis analysis = ANALYZER.analyze(prompt);
        if (prompt.length() > PromptAnalyzer.SCAN_CHARS) {
            assertEquals(Optional.empty(), analysis.learnerFeatures());
            return false;
        }
        assertArrayEquals(expected, analysis.learnerFeatures().orElseThrow().toArray(),
                () -> "router's scan on \"" + prompt + "\"");
        return true;
    }

    private static double[] reference(String prompt) {
        double[] x = new double[PromptFeatures.COUNT];
        ReferencePromptFeatures.extract(prompt, x);
        return x;
    }

    /** Every field of every row (header included) of the bundled CSV files. */
    private static List<String> routeLlmTexts() throws IOException {
        assertTrue(Files.isDirectory(ROUTELLM), "RouteLLM data at " + ROUTELLM.toAbsolutePath());
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROUTELLM)) {
            for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                texts.addAll(csvFields(Files.readString(csv)));
            }
        }
        return texts;
    }

    /** RFC 4180 fields: quoted ones may hold commas, line breaks and doubled quotes. */
    private static List<String> csvFields(String csv) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
