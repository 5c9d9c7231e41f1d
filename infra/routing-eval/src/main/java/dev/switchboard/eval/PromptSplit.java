package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Cuts a prompt set into N disjoint parts of (nearly) equal size: the distinct prompt texts are shuffled
 * with the split seed and the shuffled order is cut into N runs. Every part of one set uses the same
 * shuffle, so the parts never share a prompt text (rows repeating a text go to one part together, as
 * MMLU's 105 repeated questions would otherwise train and test at once) and together hold every row;
 * each part keeps file order. A set without repeats is cut exactly as its rows would be.
 */
public final class PromptSplit {

    private PromptSplit() {
    }

    public static PromptSet part(PromptSet whole, int part, int parts, long seed) {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("a part must be K/N with 1 <= K <= N, found " + part + "/" + parts);
        }
        // Texts in order of first appearance, each with the rows that carry it.
        Map<String, List<Integer>> rowsByText = new LinkedHashMap<>();
        for (int i = 0; i < whole.size(); i++) {
            rowsByText.computeIfAbsent(whole.prompts().get(i).prompt(), text -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(rowsByText.values());
        int n = groups.size();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int from = (int) ((long) n * (part - 1) / parts);
        int to = (int) ((long) n * part / parts);
        List<Integer> chosen = new ArrayList<>();
        for (int g = from; g < to; g++) {
            chosen.addAll(groups.get(order[g]));
        }
        chosen.sort(null);
        List<LabelledPrompt> prompts = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            prompts.add(whole.prompts().get(i));
        }
        return new PromptSet(whole.name() + "@" + part + "/" + parts, whole.group(), prompts, whole.contaminatedDropped());
    }
}
