package dev.switchboard.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
                    shape(PromptScan::codeFence),
                    shape(scan -> scan.hasDeclaration("def", true)),
                    words("function"),
                    shape(scan -> scan.hasDeclaration("class", false)),
                    prefix("debug", 0),
                    words("python", "java", "javascript", "typescript", "rust", "golang", "sql", "regex", "kotlin",
                            "c++"),
                    words("compile", "stacktrace", "exception", "typeerror", "nullpointer", "refactor")
                            .or(phrases("stack trace", "null pointer", "unit test", "api endpoint"))),
            PromptPattern.MATH, List.of(
                    words("solve", "equation", "integral", "derivative", "probability", "calculate", "compute"),
                    shape(PromptScan::arithmetic),
                    words("prove", "theorem", "matrix").or(prefix("eigen", 0))),
            PromptPattern.ANALYSIS, List.of(
                    words("analyze", "analyse", "analysis", "compare", "comparison", "evaluate", "assess"),
                    words("implications", "strategy", "tradeoff", "tradeoffs")
                            .or(phrases("pros and cons", "trade off", "trade offs", "root cause", "why does",
                                    "why do"))),
            PromptPattern.WRITING, List.of(
                    words("write", "draft", "rewrite", "essay", "story", "poem", "email", "letter", "blog"),
                    words("summarize", "summarise", "paraphrase", "tone", "proofread"))));

    public PromptPattern classify(String prompt) {
        return classify(new PromptScan(prompt));
    }

    PromptPattern classify(PromptScan scan) {
        PromptPattern best = PromptPattern.GENERAL;
        int bestHits = 0;
        for (PromptPattern pattern : PromptPattern.values()) {
            int hits = 0;
            for (KeywordRule rule : EVIDENCE.getOrDefault(pattern, List.of())) {
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
