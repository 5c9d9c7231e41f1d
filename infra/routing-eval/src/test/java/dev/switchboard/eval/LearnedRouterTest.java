package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LearnedRouterTest {

    @Test
    void isFoundAsTheDefaultRouter() {
        RouterUnderTest router = RouterCatalog.discover().create(RouterCatalog.LEARNED, 0);

        assertTrue(router instanceof LearnedRouter, router.getClass().getName());
    }

    @Test
    void scoresPromptsLikeTheOnesTheWeakModelFailedHigher() {
        List<LabelledPrompt> train = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean hard = i % 2 == 0;
            String prompt = hard ? "Compute 12 * 7 + 3 / 9 - 41 and 88 " + i : "Name a colour of the sky " + "please ".repeat(i % 5);
            train.add(new LabelledPrompt("fixture", prompt, !hard, true));
        }
        LearnedRouter router = new LearnedRouter(0);
        router.train(train);

        assertTrue(router.score("Compute 5 * 6 + 9 / 3 - 10 and 77 7") > router.score("Name a colour of the grass"));
    }

    @Test
    void refusesToScoreBeforeTraining() {
        assertThrows(IllegalStateException.class, () -> new LearnedRouter(0).score("hi"));
    }

    @Test
    void learnsFromPromptsTheStrongModelFixesNotFromThoseBothModelsFail() {
        List<LabelledPrompt> train = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            switch (i % 3) {
                case 0 -> train.add(new LabelledPrompt("f", "Compute 12 * 7 + 3 and " + i, false, true));      // fixable
                case 1 -> train.add(new LabelledPrompt("f", "Prove the riddle of the sphinx " + "now ".repeat(i % 4), false, false)); // hopeless
                default -> train.add(new LabelledPrompt("f", "Name a colour " + "please ".repeat(i % 4), true, true));
            }
        }
        LearnedRouter router = new LearnedRouter(0);
        router.train(train);

        assertTrue(router.score("Compute 5 * 6 + 9 and 77") > router.score("Prove the riddle of the sphinx now"));
    }
}
