package dev.switchboard.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.switchboard.routing.KeywordRule.declaration;
import static dev.switchboard.routing.KeywordRule.phrases;
import static dev.switchboard.routing.KeywordRule.prefix;
import static dev.switchboard.routing.KeywordRule.shape;
import static dev.switchboard.routing.KeywordRule.words;

/**
 * Keyword and shape rules that name a prompt's pattern. The pattern with the most rules matched
 * wins; ties go to the order of {@link PromptPattern}, and no evidence at all means GENERAL.
 */
public final class PromptClassifier {

    private static final Map<PromptPattern, List<KeywordRule>> EVIDENCE = new EnumMap<>(Map.of(
            PromptPattern.CODE, List.of(
                    shape(ScanTerm.Shape.CODE_FENCE),
                    declaration("def", true),
                    words("function"),
                    declaration("class", false),
                    prefix("debug", 0),
                    words("python", "java", "javascript", "typescript", "rust", "golang", "sql", "regex", "kotlin",
                            "c++"),
                    words("compile", "stacktrace", "exception", "typeerror", "nullpointer", "refactor")
                            .or(phrases("stack trace", "null pointer", "unit test", "api endpoint"))),
            PromptPattern.MATH, List.of(
                    words("solve", "equation", "integral", "derivative", "probability", "calculate", "compute"),
                    shape(ScanTerm.Shape.ARITHMETIC),
                    words("prove", "theorem", "matrix").or(prefix("eigen", 0))),
            PromptPattern.ANALYSIS, List.of(
                    words("analyze", "analyse", "analysis", "compare", "comparison", "evaluate", "assess"),
                    words("implications", "strategy", "tradeoff", "tradeoffs")
                            .or(phrases("pros and cons", "trade off", "trade offs", "root cause", "why does",
                                    "why do"))),
            PromptPattern.WRITING, List.of(
                    words("write", "draft", "rewrite", "essay", "story", "poem", "email", "letter", "blog"),
                    words("summarize", "summarise", "paraphrase", "tone", "proofread"))));

    private static final PromptPattern[] PATTERNS = PromptPattern.values();

    /** EVIDENCE compiled against the scan's vocabulary, indexed like {@link #PATTERNS}. */
    private final TermMask[][] evidence = new TermMask[PATTERNS.length][];

    public PromptClassifier() {
        for (PromptPattern pattern : PATTERNS) {
            evidence[pattern.ordinal()] = EVIDENCE.getOrDefault(pattern, List.of()).stream()
                    .map(PromptVocabulary.RULES::mask).toArray(TermMask[]::new);
        }
    }

    /** Every rule, so that one scan can look for all of their terms. */
    static List<KeywordRule> rules() {
        return EVIDENCE.values().stream().flatMap(List::stream).toList();
    }

    public PromptPattern classify(String prompt) {
        return classify(new PromptScan(prompt));
    }

    PromptPattern classify(PromptScan scan) {
        PromptPattern best = PromptPattern.GENERAL;
        int bestHits = 0;
        for (PromptPattern pattern : PATTERNS) {
            int hits = 0;
            for (TermMask rule : evidence[pattern.ordinal()]) {
                if (rule.matches(scan)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = pattern;
                bestHits = hits;
            }
        }
        return best;
    }
}
