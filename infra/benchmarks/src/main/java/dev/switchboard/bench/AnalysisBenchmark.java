package dev.switchboard.bench;

import dev.switchboard.cost.EstimatingTokenCounter;
import dev.switchboard.routing.ComplexityScorer;
import dev.switchboard.routing.PromptAnalysis;
import dev.switchboard.routing.PromptAnalyzer;
import dev.switchboard.routing.PromptClassifier;
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

import java.util.concurrent.TimeUnit;

/**
 * The prompt analysis alone (token count, the one scan for the rules and the learner's features,
 * classification, complexity): the part of {@link DecisionBenchmark} that grows with the prompt's
 * length. Average time, to compare changes to the scan quickly.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AnalysisBenchmark {

    @Param({"short", "code", "long"})
    public String promptKind;

    private PromptAnalyzer analyzer;
    private String prompt;

    @Setup
    public void setUp() {
        analyzer = new PromptAnalyzer(new PromptClassifier(), new ComplexityScorer(), new EstimatingTokenCounter()::count);
        prompt = BenchmarkPrompts.of(promptKind);
    }

    @Benchmark
    public PromptAnalysis analyze() {
        return analyzer.analyze(prompt);
    }
}
