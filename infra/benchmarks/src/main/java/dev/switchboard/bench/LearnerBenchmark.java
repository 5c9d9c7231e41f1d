package dev.switchboard.bench;

import dev.switchboard.routing.learning.LabelledOutcome;
import dev.switchboard.routing.learning.LearnerOptions;
import dev.switchboard.routing.learning.LogisticDifficultyLearner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One {@code estimate()} of a fitted {@link LogisticDifficultyLearner} on the request path: feature
 * extraction plus the model. SampleTime mode reports the mean and percentiles (p99 among them).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class LearnerBenchmark {

    /** 15 characters, about 190 (an exam question with options), and 3,000 (a long word problem). */
    @Param({"15", "190", "3000"})
    public int promptChars;

    private LogisticDifficultyLearner learner;
    private String prompt;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        List<LabelledOutcome> examples = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String text = i % 2 == 0
                    ? "Which of these is right?\nA. " + random.nextInt(100) + "\nB. two\nC. three\nD. none\nAnswer:"
                    : "Sam has " + random.nextInt(50) + " apples and buys " + random.nextInt(9) + " more. How many?";
            examples.add(new LabelledOutcome(text, random.nextInt(3) == 0));
        }
        learner = LogisticDifficultyLearner.fit(examples, 5, new SplittableRandom(2), LearnerOptions.DEFAULTS);
        prompt = promptOf(promptChars);
    }

    static String promptOf(int chars) {
        if (chars <= 15) {
            return "What is 12 + 2?".substring(0, chars);
        }
        String question = "A train leaves the station at 3.15 pm travelling at 80 km/h, and a second train follows "
                + "it 20 minutes later at 100 km/h. When does the second train catch up?\nA. 4.35 pm\nB. 4.55 pm\n"
                + "C. 5.15 pm\nD. never\nAnswer:";
        StringBuilder text = new StringBuilder(question);
        while (text.length() < chars) {
            text.append(' ').append(question);
        }
        return text.substring(0, chars);
    }

    @Benchmark
    public double estimate() {
        return learner.estimate(prompt).failureProbability();
    }
}
