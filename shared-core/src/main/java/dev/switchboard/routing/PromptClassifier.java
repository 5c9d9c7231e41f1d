package dev.switchboard.routing;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keyword and shape rules that name a prompt's pattern. The pattern with the most evidence wins;
 * ties go to the order of {@link PromptPattern}, and no evidence at all means GENERAL.
 */
public final class PromptClassifier {

    private static final Map<PromptPattern, List<Pattern>> EVIDENCE = new EnumMap<>(Map.of(
            PromptPattern.CODE, patterns("```", "\\bdef \\w+\\(", "\\bfunction\\b", "\\bclass \\w+", "\\bdebug\\w*",
                    "\\b(python|java|javascript|typescript|rust|golang|sql|regex|kotlin|c\\+\\+)\\b",
                    "\\b(compile|stack ?trace|exception|typeerror|null ?pointer|refactor|unit test|api endpoint)\\b"),
            PromptPattern.MATH, patterns("\\b(solve|equation|integral|derivative|probability|calculate|compute)\\b",
                    "(?<!\\d)\\d++\\s*+[-+*/^=]\\s*+\\d", "\\b(prove|theorem|matrix|eigen\\w*)\\b"),
            PromptPattern.ANALYSIS, patterns("\\b(analy[sz]e|analysis|compare|comparison|evaluate|assess)\\b",
                    "\\b(pros and cons|trade-?offs?|implications|root cause|why does|why do|strategy)\\b"),
            PromptPattern.WRITING, patterns("\\b(write|draft|rewrite|essay|story|poem|email|letter|blog)\\b",
                    "\\b(summari[sz]e|paraphrase|tone|proofread)\\b")));

    public PromptPattern classify(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        PromptPattern best = PromptPattern.GENERAL;
        int bestHits = 0;
        for (PromptPattern pattern : PromptPattern.values()) {
            int hits = 0;
            for (Pattern rule : EVIDENCE.getOrDefault(pattern, List.of())) {
                if (rule.matcher(text).find()) {
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

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
