package dev.switchboard.eval;

import java.util.List;

/**
 * Prompts read from one command-line path (a CSV file or a folder of them).
 *
 * @param name                 a short name for reports: the file name without ".csv", or the folder name
 * @param group                the folder the path lives in, so held-out sets of one benchmark can be pooled
 * @param prompts              the prompts left after decontamination, in file order
 * @param contaminatedDropped  how many rows were dropped because they are listed as contaminated
 */
public record PromptSet(String name, String group, List<LabelledPrompt> prompts, int contaminatedDropped) {

    public PromptSet {
        prompts = List.copyOf(prompts);
    }

    public int size() {
        return prompts.size();
    }
}
