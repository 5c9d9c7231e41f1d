package dev.switchboard.bench;

import dev.switchboard.cost.JtokkitTokenCounter;
import dev.switchboard.cost.TokenCounter;
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
 * What counting a prompt for the context window and the reservations adds to a decision
 * ({@link TokenCounter#countUnrouted}): a scan for non-ASCII text on the benchmark prompts, and for
 * "chinese-N" (N different ideographs, no punctuation) the o200k_base count of its non-ASCII runs (2,048 characters of them at most); "sentences" is
 * ordinary Chinese prose (about 1,000 characters).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class PromptTokensBenchmark {

    @Param({"short", "code", "long", "chinese-1000", "chinese-4000", "chinese-100000", "sentences"})
    public String promptKind;

    private final TokenCounter tokens = new JtokkitTokenCounter();
    private String prompt;

    @Setup
    public void setUp() {
        if (promptKind.startsWith("chinese-")) {
            int length = Integer.parseInt(promptKind.substring("chinese-".length()));
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(0x4E00 + (i * 7919) % 20_000);
            }
            prompt = text.toString();
        } else if (promptKind.equals("sentences")) {
            prompt = "请比较事件溯源和增删改查在订单服务中的取舍，并分析其对扩展性、一致性和运维的影响。".repeat(25);
        } else {
            prompt = BenchmarkPrompts.of(promptKind);
        }
        tokens.countUnrouted(prompt); // loads the vocabulary outside the measurement
    }

    @Benchmark
    public int countUnrouted() {
        return tokens.countUnrouted(prompt);
    }
}
