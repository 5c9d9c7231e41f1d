package dev.switchboard.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first, simple complexity rule: length carries up to 0.5 of the score and each reasoning signal
 * adds a fixed weight, clamped to [0, 1]. Every contribution is recorded as a signal so that the
 * decision can say why a prompt scored as it did.
 */
public final class ComplexityScorer {

    /** Prompts of this many tokens or more get the whole length share of the score. */
    static final int LONG_PROMPT_TOKENS = 800;
    static final double LENGTH_SHARE = 0.5;

    private record Signal(String name, Pattern rule, double weight) {
    }

    private static final List<Signal> SIGNALS = List.of(
            signal("multi_step", "\\b(step by step|step-by-step|first\\b.{0,200}?\\bthen|walk me through)\\b", 0.15),
            signal("reasoning", "\\b(explain why|justify|prove|derive|reason about|root cause)\\b", 0.2),
            signal("comparison", "\\b(compare|contrast|trade-?offs?|pros and cons|versus|vs\\.?)\\b", 0.15),
            signal("design", "\\b(design|architect\\w*|scal\\w+|optimi[sz]\\w*|distributed)\\b", 0.15),
            signal("code_block", "```", 0.15),
            signal("debugging", "\\b(debug\\w*|stack ?trace|exception|error|bug|typeerror)\\b", 0.15),
            signal("math", "\\b(integral|derivative|theorem|equation|probability|matrix)\\b", 0.15),
            signal("constraints", "\\b(must|should not|at least|at most|exactly|without using)\\b", 0.1));

    public Scored score(String prompt, int tokenCount) {
        String text = prompt.toLowerCase(Locale.ROOT);
        List<String> fired = new ArrayList<>();
        double lengthPart = LENGTH_SHARE * Math.min(1.0, tokenCount / (double) LONG_PROMPT_TOKENS);
        fired.add(String.format(Locale.ROOT, "length:%d_tokens(+%.2f)", tokenCount, lengthPart));
        double score = lengthPart;
        for (Signal signal : SIGNALS) {
            if (signal.rule().matcher(text).find()) {
                score += signal.weight();
                fired.add(String.format(Locale.ROOT, "%s(+%.2f)", signal.name(), signal.weight()));
            }
        }
        long questions = text.chars().filter(c -> c == '?').count();
        if (questions > 1) {
            double extra = Math.min(0.15, 0.05 * (questions - 1));
            score += extra;
            fired.add(String.format(Locale.ROOT, "questions:%d(+%.2f)", questions, extra));
        }
        return new Scored(Math.round(Math.min(1.0, score) * 1000) / 1000.0, fired);
    }

    /** A complexity score with the signals that produced it. */
    public record Scored(double complexity, List<String> signals) {
    }

    private static Signal signal(String name, String regex, double weight) {
        return new Signal(name, Pattern.compile(regex, Pattern.DOTALL), weight);
    }
}
