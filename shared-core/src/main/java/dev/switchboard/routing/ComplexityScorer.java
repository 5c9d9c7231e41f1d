package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.routing.KeywordRule.phrases;
import static dev.switchboard.routing.KeywordRule.prefix;
import static dev.switchboard.routing.KeywordRule.shape;
import static dev.switchboard.routing.KeywordRule.wordThenWithin;
import static dev.switchboard.routing.KeywordRule.words;

/**
 * A first, simple complexity rule: length carries up to 0.5 of the score and each reasoning signal
 * adds a fixed weight, clamped to [0, 1]. Every contribution is recorded as a signal so that the
 * decision can say why a prompt scored as it did.
 */
public final class ComplexityScorer {

    /** Prompts of this many tokens or more get the whole length share of the score. */
    static final int LONG_PROMPT_TOKENS = 800;
    static final double LENGTH_SHARE = 0.5;

    private record Signal(String name, KeywordRule rule, double weight, String label) {
        Signal(String name, KeywordRule rule, double weight) {
            this(name, rule, weight, name + "(+" + Decimals.two(weight) + ")");
        }
    }

    private static final List<Signal> SIGNALS = List.of(
            new Signal("multi_step", phrases("step by step", "walk me through")
                    .or(wordThenWithin("first", "then", 200)), 0.15),
            new Signal("reasoning", phrases("explain why", "reason about", "root cause")
                    .or(words("justify", "prove", "derive")), 0.2),
            new Signal("comparison", words("compare", "contrast", "tradeoff", "tradeoffs", "versus", "vs")
                    .or(phrases("trade off", "trade offs", "pros and cons")), 0.15),
            new Signal("design", words("design", "distributed").or(prefix("architect", 0)).or(prefix("scal", 1))
                    .or(prefix("optimiz", 0)).or(prefix("optimis", 0)), 0.15),
            new Signal("code_block", shape(ScanTerm.Shape.CODE_FENCE), 0.15),
            new Signal("debugging", prefix("debug", 0)
                    .or(words("stacktrace", "exception", "error", "bug", "typeerror")).or(phrases("stack trace")), 0.15),
            new Signal("math", words("integral", "derivative", "theorem", "equation", "probability", "matrix"), 0.15),
            new Signal("constraints", words("must", "exactly")
                    .or(phrases("should not", "at least", "at most", "without using")), 0.1));

    /** SIGNALS' rules compiled against the scan's vocabulary, in the same order. */
    private final TermMask[] compiled = SIGNALS.stream()
            .map(signal -> PromptVocabulary.RULES.mask(signal.rule()))
            .toArray(TermMask[]::new);

    /** Every rule, so that one scan can look for all of their terms. */
    static List<KeywordRule> rules() {
        return SIGNALS.stream().map(Signal::rule).toList();
    }

    public Scored score(String prompt, int tokenCount) {
        return score(new PromptScan(prompt), tokenCount);
    }

    Scored score(PromptScan scan, int tokenCount) {
        List<String> fired = new ArrayList<>();
        double lengthPart = LENGTH_SHARE * Math.min(1.0, tokenCount / (double) LONG_PROMPT_TOKENS);
        fired.add("length:" + tokenCount + "_tokens(+" + Decimals.two(lengthPart) + ")");
        double score = lengthPart;
        for (int i = 0; i < compiled.length; i++) {
            if (compiled[i].matches(scan)) {
                Signal signal = SIGNALS.get(i);
                score += signal.weight();
                fired.add(signal.label());
            }
        }
        int questions = scan.questions();
        if (questions > 1) {
            double extra = Math.min(0.15, 0.05 * (questions - 1));
            score += extra;
            fired.add("questions:" + questions + "(+" + Decimals.two(extra) + ")");
        }
        return new Scored(Math.round(Math.min(1.0, score) * 1000) / 1000.0, fired);
    }

    /** A complexity score with the signals that produced it. */
    public record Scored(double complexity, List<String> signals) {
    }
}
