package dev.switchboard.eval;

import java.util.List;

/**
 * Baseline: longer prompts go to the strong model first. Score = prompt length in Unicode code points, so a
 * prompt of emoji or CJK text is not counted twice for its surrogate pairs. Nothing to learn.
 */
public final class LengthRouter implements RouterUnderTest {

    public static final String NAME = "length";

    @Override
    public void train(List<LabelledPrompt> train) {
        // The length heuristic is fixed; training data cannot change it.
    }

    @Override
    public double score(String prompt) {
        return prompt.codePointCount(0, prompt.length());
    }
}
