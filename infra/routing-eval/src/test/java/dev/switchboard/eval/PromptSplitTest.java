package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromptSplitTest {

    private static PromptSet numbered(int count) {
        List<LabelledPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            prompts.add(new LabelledPrompt("gsm", "prompt " + i, i % 3 == 0, true));
        }
        return new PromptSet("gsm", "other", prompts, 0);
    }

    private static List<String> texts(PromptSet set) {
        return set.prompts().stream().map(LabelledPrompt::prompt).toList();
    }

    @Test
    void thePartsOfOneSetAreDisjointAndHoldEveryPrompt() {
        PromptSet whole = numbered(101);
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int part = 1; part <= 3; part++) {
            PromptSet cut = PromptSplit.part(whole, part, 3, 7);
            assertTrue(cut.size() == 33 || cut.size() == 34, "part size " + cut.size());
            for (String text : texts(cut)) {
                assertTrue(seen.add(text), "prompt in two parts: " + text);
            }
            total += cut.size();
        }
        assertEquals(101, total);
        assertEquals(new HashSet<>(texts(whole)), seen);
    }

    @Test
    void aPartIsTheSameForTheSameSeedKeepsFileOrderAndIsNamed() {
        PromptSet whole = numbered(50);
        PromptSet first = PromptSplit.part(whole, 1, 2, 3);

        assertEquals(texts(first), texts(PromptSplit.part(whole, 1, 2, 3)));
        assertNotEquals(texts(first), texts(PromptSplit.part(whole, 1, 2, 4)));
        List<Integer> positions = first.prompts().stream().map(p -> whole.prompts().indexOf(p)).toList();
        assertEquals(positions.stream().sorted().toList(), positions);
        assertEquals("gsm@1/2", first.name());
        assertEquals("other", first.group());
    }

    @Test
    void rowsRepeatingAPromptGoToOnePartTogether() {
        List<LabelledPrompt> prompts = new ArrayList<>(numbered(40).prompts());
        for (int i = 0; i < 40; i += 4) {
            prompts.add(new LabelledPrompt("gsm", "prompt " + i, false, false));
        }
        PromptSet whole = new PromptSet("gsm", "other", prompts, 0);

        Set<String> first = new HashSet<>(texts(PromptSplit.part(whole, 1, 2, 7)));
        Set<String> second = new HashSet<>(texts(PromptSplit.part(whole, 2, 2, 7)));

        assertTrue(first.stream().noneMatch(second::contains), "a text in both parts");
        assertEquals(50, PromptSplit.part(whole, 1, 2, 7).size() + PromptSplit.part(whole, 2, 2, 7).size());
    }

    @Test
    void refusesAPartOutsideTheSplit() {
        assertThrows(IllegalArgumentException.class, () -> PromptSplit.part(numbered(4), 3, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> PromptSplit.part(numbered(4), 0, 2, 0));
    }
}
