package dev.switchboard.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a prompt set into N disjoint parts of (nearly) equal size: the prompts are shuffled with the split
 * seed and the shuffled order is cut into N runs. Every part of one set uses the same shuffle, so the
 * parts never overlap and together hold every prompt; each part keeps file order.
 */
public final class PromptSplit {

    private PromptSplit() {
    }

    public static PromptSet part(PromptSet whole, int part, int parts, long seed) {
        if (parts < 1 || part < 1 || part > parts) {
            throw new IllegalArgumentException("a part must be K/N with 1 <= K <= N, found " + part + "/" + parts);
        }
        int n = whole.size();
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
        int[] chosen = Arrays.copyOfRange(order, from, to);
        Arrays.sort(chosen);
        List<LabelledPrompt> prompts = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            prompts.add(whole.prompts().get(i));
        }
        return new PromptSet(whole.name() + "@" + part + "/" + parts, whole.group(), prompts, whole.contaminatedDropped());
    }
}
