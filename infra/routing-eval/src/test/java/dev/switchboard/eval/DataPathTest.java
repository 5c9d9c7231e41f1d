package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataPathTest {

    @Test
    void readsAPartSuffixAndLeavesOtherPathsWhole() {
        assertEquals(new DataPath(Path.of("data/gsm8k"), 2, 2), DataPath.parse("data/gsm8k@2/2"));
        assertTrue(DataPath.parse("data/mmlu_law.csv").isWhole());
        assertEquals(Path.of("a@b.csv"), DataPath.parse("a@b.csv").path());
        assertEquals("data/gsm8k@1/2", DataPath.parse("data/gsm8k@1/2").toString());
    }

    @Test
    void refusesImpossibleParts() {
        assertThrows(IllegalArgumentException.class, () -> DataPath.parse("gsm8k@3/2"));
        assertThrows(IllegalArgumentException.class, () -> DataPath.parse("gsm8k@0/2"));
    }
}
