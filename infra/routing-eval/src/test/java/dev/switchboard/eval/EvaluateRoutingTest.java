package dev.switchboard.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.switchboard.routing.learning.LogisticDifficultyLearner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end on the small fixture benchmark under src/test/resources/fixtures/routellm. */
class EvaluateRoutingTest {

    private static final String FIXTURES = "src/test/resources/fixtures/routellm/";
    private static final String CONTRACT_LINE = "APGR=-?\\d+\\.\\d{3} CPT50=\\d+\\.\\d% CPT80=\\d+\\.\\d%";

    @TempDir
    Path dir;

    private record Run(int exitCode, List<String> out, String err) {
        String lastLine() {
            return out.get(out.size() - 1);
        }
    }

    private Run run(RouterCatalog catalog, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EvaluateRouting.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), catalog);
        return new Run(code, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
    }

    private String[] args(String... extra) {
        String[] base = {"--train", FIXTURES + "train",
                "--test", FIXTURES + "bench/subject_x.csv", FIXTURES + "bench/subject_y.csv", FIXTURES + "other",
                "--png", dir.resolve("chart.png").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void endsWithTheContractLineForTheChosenRouterOnThePooledTestSets() throws Exception {
        Run run = run(RouterCatalog.of(), args("--router", "length"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches(CONTRACT_LINE), run.lastLine());
        // Hand-checked: 11 pooled prompts (the leaked one dropped), weak 5/11, strong 8/11; longest-first
        // recovers a third of the gap per prompt, so PGR 0.5 falls halfway into the second prompt.
        assertEquals("APGR=1.015 CPT50=13.6% CPT80=21.8%", run.lastLine());
        assertEquals(1, run.out().stream().filter(l -> l.startsWith("APGR=")).count(), "exactly one contract line");
        assertTrue(run.out().get(1).contains("1 contaminated prompts dropped"), run.out().get(1));
        String table = String.join("\n", run.out());
        for (String row : List.of("subject_x", "subject_y", "other", "pooled: bench/ (2 sets)", RoutingEvaluation.POOLED_ALL,
                RoutingEvaluation.RANDOM_LABEL)) {
            assertTrue(table.contains(row), "table lacks " + row + ":\n" + table);
        }
        BufferedImage png = ImageIO.read(dir.resolve("chart.png").toFile());
        assertEquals(CostQualityChart.WIDTH, png.getWidth());
        assertEquals(CostQualityChart.HEIGHT, png.getHeight());
    }

    @Test
    void theSameSeedGivesTheSameOutput() {
        assertEquals(run(RouterCatalog.of(), args("--router", "random", "--seed", "7")).out(),
                run(RouterCatalog.of(), args("--router", "random", "--seed", "7")).out());
    }

    @Test
    void aLearnedRouterPluggedInThroughTheExtensionPointIsTheDefault() {
        RouterProvider learned = new RouterProvider() {
            @Override
            public String name() {
                return RouterCatalog.LEARNED;
            }

            @Override
            public RouterUnderTest create(long seed) {
                return new RouterUnderTest() {
                    private int trained;

                    @Override
                    public void train(List<LabelledPrompt> train) {
                        trained = train.size();
                    }

                    @Override
                    public double score(String prompt) {
                        return trained == 4 ? -prompt.length() : Double.NaN; // shortest first; NaN if untrained
                    }
                };
            }
        };
        Run run = run(RouterCatalog.of(learned), args());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().stream().anyMatch(l -> l.contains(" learned ")), String.join("\n", run.out()));
        assertTrue(run.lastLine().matches(CONTRACT_LINE), run.lastLine());
    }

    @Test
    void withoutALearnedRouterTheDefaultFailsWithAUsageErrorThatSaysWhy() {
        Run run = run(RouterCatalog.of(), args());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown router \"learned\"") && run.err().contains("RouterProvider")
                && run.err().contains("available: length, random"), run.err());
    }

    @Test
    void saveStateWritesTheTrainedLearnersStateWhereTheGatewayCanLoadIt() throws Exception {
        Path file = dir.resolve("new/folders/learner.state");
        Run run = run(RouterCatalog.of(new LearnedRouterProvider()), args("--save-state", file.toString()));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().matches(CONTRACT_LINE), run.lastLine());
        assertTrue(run.out().contains("state: " + file + " (" + Files.size(file) + " bytes)"), String.join("\n", run.out()));
        LogisticDifficultyLearner learner = LogisticDifficultyLearner.fromBytes(Files.readAllBytes(file));
        assertEquals(4, learner.estimate("any prompt").examples(), "trained on the four training prompts");
        assertEquals(List.of("learner.state"), Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList(),
                "no temporary file left beside it");
    }

    @Test
    void saveStateRefusesARouterWithoutStateBeforeReadingData() {
        Run run = run(RouterCatalog.of(), args("--router", "length", "--save-state", dir.resolve("s").toString()));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--save-state: the length router has no state to save"), run.err());
    }

    @Test
    void anUnwritableStatePathFailsWithAClearMessage() throws Exception {
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x");
        Path file = notAFolder.resolve("learner.state");
        Run run = run(RouterCatalog.of(new LearnedRouterProvider()), args("--save-state", file.toString()));

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot write the router state to " + file), run.err());
        assertTrue(run.out().stream().noneMatch(l -> l.startsWith("APGR=")), "no contract line after a failed save");
    }

    @Test
    void anUnwritableChartPathFailsWithOneLineAndNoStackTrace() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("charts"));
        Files.writeString(folder.resolve("keep.txt"), "x");
        PrintStream original = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        Run run;
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8)); // ImageIO printed its trace there
        try {
            run = run(RouterCatalog.of(), args("--router", "length", "--png", folder.toString()));
        } finally {
            System.setErr(original);
        }

        assertEquals(1, run.exitCode());
        assertEquals(List.of("error: cannot write the chart to " + folder + ": is a directory"), run.err().lines().toList());
        assertEquals("", stray.toString(StandardCharsets.UTF_8));
        assertTrue(run.out().stream().noneMatch(l -> l.startsWith("APGR=")), "no contract line after a failed chart");
    }

    @Test
    void anEmptyTrainingSetIsAnErrorNotARandomRouter() throws Exception {
        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, "prompt," + RouteLlmCsv.WEAK_MODEL + "," + RouteLlmCsv.STRONG_MODEL + "\n");
        for (String train : List.of(headerOnly.toString(), FIXTURES + "train@1/999")) {
            Run run = run(RouterCatalog.of(), "--router", "length", "--train", train, "--test", FIXTURES + "other",
                    "--png", dir.resolve("chart.png").toString());

            assertEquals(1, run.exitCode(), train);
            assertEquals(List.of("error: the training set has no prompts left to train on"), run.err().lines().toList());
            assertTrue(run.out().stream().noneMatch(l -> l.startsWith("APGR=")), train);
        }
    }

    @Test
    void equallyAccurateModelsOnThePoolEndWithNotApplicableAndExitZero() throws Exception {
        Path even = dir.resolve("even.csv"); // weak and strong both right on 1 of 2: there is no gap to recover
        Files.writeString(even, "prompt," + RouteLlmCsv.WEAK_MODEL + "," + RouteLlmCsv.STRONG_MODEL
                + "\nfirst,True,False\nsecond,False,True\n");
        Run run = run(RouterCatalog.of(), "--router", "length", "--train", FIXTURES + "train", "--test", even.toString(),
                "--png", dir.resolve("chart.png").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("APGR=n/a CPT50=n/a CPT80=n/a", run.lastLine());
        assertTrue(Files.size(dir.resolve("chart.png")) > 0, "the chart is still drawn, without curves");
    }

    @Test
    void warnsWhenTestPromptsAlsoOccurInTheTrainingData() throws Exception {
        Path overlapping = dir.resolve("overlapping.csv"); // two prompts of train/subject_a.csv, one new
        Files.writeString(overlapping, "prompt," + RouteLlmCsv.WEAK_MODEL + "," + RouteLlmCsv.STRONG_MODEL
                + "\nShort one,True,True\n\"A longer prompt, with a comma\",False,True\nA new question,False,True\n");
        Run run = run(RouterCatalog.of(), "--router", "length", "--train", FIXTURES + "train", "--test", overlapping.toString(),
                "--png", dir.resolve("chart.png").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("warning: 2 test prompts also occur verbatim in the training data"),
                String.join("\n", run.out()));
        assertTrue(run.lastLine().matches(CONTRACT_LINE), run.lastLine());
        assertTrue(run(RouterCatalog.of(), args("--router", "length")).out().stream().noneMatch(l -> l.startsWith("warning:")),
                "no warning without overlap (the fixture's leaked prompt is dropped as contaminated)");
    }

    @Test
    void malformedDataFailsWithTheFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "prompt," + RouteLlmCsv.WEAK_MODEL + "," + RouteLlmCsv.STRONG_MODEL + "\nok,True,True\nx,maybe,True\n");
        Run run = run(RouterCatalog.of(), "--router", "length", "--train", FIXTURES + "train", "--test", bad.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("bad.csv:3: column"), run.err());
    }

    @Test
    void helpPrintsUsage() {
        Run run = run(RouterCatalog.of(), "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().get(0).startsWith("usage: routing-eval"));
    }
}
