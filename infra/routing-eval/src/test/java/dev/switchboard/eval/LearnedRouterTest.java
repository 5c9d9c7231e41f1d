package dev.switchboard.eval;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
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
    void theFittedRouterHardlyDependsOnTheShufflesSeed() {
        // Fitting averages the weights over its later passes. The last iterate of a constant-step fit
        // moved with the order of the last examples: on held-out MMLU its APGR ranged from 0.548 to 0.625
        // over seeds 0-4 (README), and here seeds 0 and 1 scored one held-out prompt up to 0.57 apart;
        // the averaged fit, up to 0.05.
        PromptSet train = new RouteLlmCsv().read(Path.of("data", "routellm", "gsm8k"));
        List<LabelledPrompt> prompts = train.prompts();
        LearnedRouter first = new LearnedRouter(0);
        LearnedRouter second = new LearnedRouter(1);
        first.train(prompts.subList(0, 650));
        second.train(prompts.subList(0, 650));

        double widest = 0;
        for (LabelledPrompt held : prompts.subList(650, prompts.size())) {
            widest = Math.max(widest, Math.abs(first.score(held.prompt()) - second.score(held.prompt())));
        }
        assertTrue(widest < 0.1, "two seeds' scores of a prompt differ by " + widest);
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
