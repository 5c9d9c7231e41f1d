package dev.switchboard.eval;

import java.util.List;

/** A router as the evaluator sees it: learn from labelled prompts, then score unseen prompts. */
public interface RouterUnderTest {

    /** Learns from the training prompts; called once, before any {@link #score}. */
    void train(List<LabelledPrompt> train);

    /** How much the prompt deserves the strong model; only the order of scores matters. Never NaN. */
    double score(String prompt);
}
