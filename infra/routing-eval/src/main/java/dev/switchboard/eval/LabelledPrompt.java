package dev.switchboard.eval;

import java.util.Objects;

/**
 * One benchmark prompt and whether each model of the routed pair answered it correctly.
 *
 * @param source        where the prompt came from (the CSV file's name without ".csv"), for reports
 * @param prompt        the exact prompt text, as the router sees it
 * @param weakCorrect   the weak model (Mixtral-8x7B-Instruct) answered correctly
 * @param strongCorrect the strong model (GPT-4-1106-preview) answered correctly
 */
public record LabelledPrompt(String source, String prompt, boolean weakCorrect, boolean strongCorrect) {

    public LabelledPrompt {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(prompt, "prompt");
    }
}
