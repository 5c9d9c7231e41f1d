package dev.switchboard.routing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scan must find exactly what the String-per-word scan it replaced found, or routing decisions
 * change. Prompts are built at random (fixed seed) from the rules' own words in mixed case, joined by
 * the separators that decide phrase and declaration boundaries, with characters whose lower case is
 * unusual, and read whole and cut at a random limit.
 */
class PromptScanAgreesWithReferenceTest {

    private static final ScanVocabulary RULES = PromptVocabulary.RULES;

    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "-", "  ", "\n", ". ", "(", ")", "_",
            "++", "+", "```", "`", "?", " = ", " * ", "^", "\t", "'", ": ", "", "/", "é", "İ", "\u212A", "ß",
            "\uD835\uDC31", "\u0660", "Σ", "\uFB01", "7", "12", " 3 ");

    @Test
    void findsTheSameTermsAsTheReferenceOnRandomPrompts() {
        Random random = new Random(20_240_611L);
        List<String> pieces = piecesOfTheRules();
        int compared = 0;
        for (int n = 0; n < 4_000; n++) {
            String prompt = randomPrompt(random, pieces);
            assertAgrees(prompt, prompt.length());
            assertAgrees(prompt, random.nextInt(prompt.length() + 1));
            compared += 2;
        }
        assertEquals(8_000, compared);
    }

    @Test
    void agreesOnEdgeCasesWrittenByHand() {
        for (String prompt : List.of("", "c", "c+", "c++", "C++x", "cc++", "c++c++", "def", "def ", "def f",
                "def f(", "DEF F(", "class", "class  A", "class _A", "first " + "x".repeat(198) + " then",
                "first " + "x".repeat(199) + " then", "then first", "first first then", "```", "``", "1+", "1 +\n2",
                "step-by-step", "step - by step", "pros and-cons", "why do why does", "\u212Aotlin", "İntegral",
                // Arithmetic is now checked at each operator: digits on both sides, whitespace between.
                "c++1", "1c++2", "1 c++ 2", "12 - x", "x -1", "1\t*\t 2", "1 =", "= 2", "\u0660+\u0661", "1 + a2",
                "1 2+3", "a1^2b", "1 / / 2", "1  \n=\n  2", "1++2", "-1-")) {
            for (int limit = 0; limit <= prompt.length(); limit++) {
                assertAgrees(prompt, limit);
            }
        }
    }

    private static void assertAgrees(String prompt, int limit) {
        ReferencePromptScan reference = new ReferencePromptScan(prompt.substring(0, limit));
        PromptScan scan = new PromptScan(prompt, limit, RULES);
        for (ScanTerm term : RULES.terms()) {
            assertEquals(reference.has(term), scan.has(term), () -> term + " in \"" + prompt + "\" up to " + limit);
        }
        assertEquals(reference.questions(), scan.questions(), prompt);
    }

    private static List<String> piecesOfTheRules() {
        List<String> pieces = new ArrayList<>();
        for (ScanTerm term : RULES.terms()) {
            if (term instanceof ScanTerm.Word w) {
                pieces.add(w.text());
            } else if (term instanceof ScanTerm.Phrase p) {
                pieces.addAll(p.words());
                pieces.add(String.join(" ", p.words()));
            } else if (term instanceof ScanTerm.Prefix p) {
                pieces.add(p.start());
                pieces.add(p.start() + "e");
                pieces.add(p.start() + "ing");
            } else if (term instanceof ScanTerm.Declaration d) {
                pieces.add(d.keyword());
            } else if (term instanceof ScanTerm.WordThenWithin pair) {
                pieces.add(pair.first());
                pieces.add(pair.then());
                pieces.add("x".repeat(pair.maxChars() - 8));
            }
        }
        pieces.addAll(List.of("name", "f", "x1", "3", "the", "word"));
        return pieces;
    }

    private static String randomPrompt(Random random, List<String> pieces) {
        StringBuilder prompt = new StringBuilder();
        int count = 1 + random.nextInt(30);
        for (int k = 0; k < count; k++) {
            // A piece with spaces is a whole phrase: its words get separators of their own.
            for (String word : pieces.get(random.nextInt(pieces.size())).split(" ", -1)) {
                prompt.append(randomCase(random, word));
                prompt.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
        }
        return prompt.toString();
    }

    private static String randomCase(Random random, String word) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
    }
}
