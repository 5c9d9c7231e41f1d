package dev.switchboard.observability;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BreakerMetricsTest {

    private final List<String> changes = new ArrayList<>();
    private final BreakerMetrics metrics = new BreakerMetrics(new MetricsSink() {
        @Override
        public void requestCompleted(CompletedRequest request) {
        }

        @Override
        public void circuitChanged(String provider, String model, boolean open) {
            changes.add(provider + "|" + model + "|" + open);
        }
    });

    @Test
    void anOpenedBreakerIsReportedForItsProviderAndModel() {
        metrics.opened("openai/gpt-4o", Instant.EPOCH, "TIMEOUT");
        metrics.opened("local/meta-llama/Llama-3-8B", Instant.EPOCH, null);

        assertEquals(List.of("openai|gpt-4o|true", "local|meta-llama/Llama-3-8B|true"), changes);
    }
}
