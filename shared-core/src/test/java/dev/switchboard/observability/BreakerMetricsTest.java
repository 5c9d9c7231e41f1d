package dev.switchboard.observability;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakerMetricsTest {

    private final RecordingMetricsSink sink = new RecordingMetricsSink();
    private final BreakerMetrics metrics = new BreakerMetrics(sink);

    @Test
    void anOpenedBreakerIsReportedForItsProviderAndModel() {
        metrics.opened("openai/gpt-4o", Instant.EPOCH, "TIMEOUT");
        metrics.opened("local/meta-llama/Llama-3-8B", Instant.EPOCH, null);

        assertEquals(List.of("circuit openai|gpt-4o|open", "circuit local|meta-llama/Llama-3-8B|open"), sink.told());
    }

    @Test
    void aBreakerThatClosesAgainIsReportedClosed() {
        metrics.closed("openai/gpt-4o", Instant.EPOCH);

        assertEquals(List.of("circuit openai|gpt-4o|closed"), sink.told());
    }
}
