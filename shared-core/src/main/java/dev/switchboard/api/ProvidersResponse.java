package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** GET /providers: every configured provider and deployment, with prices, limits and live health. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProvidersResponse(String source, List<Provider> providers) {

    /**
     * One provider.
     *
     * @param promptCaching its requests mark their prefix for the provider's prompt cache
     * @param guardrail     the Bedrock guardrail its requests go through, as "id:version" (an ARN's account left
     *                      out); null (left out) for none
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provider(String name, String protocol, String baseUrl, boolean promptCaching, String guardrail,
                           List<Deployment> deployments) {
    }

    /**
     * One deployment. The live figures come from the shared state as this instance last read it
     * (a few seconds old at most) and are null when unknown: nothing recorded in the latency window,
     * no shared circuit record.
     *
     * @param circuit      the shared circuit (OPEN or CLOSED) as the last instance or probe published it, or null
     * @param localCircuit this instance's breaker: CLOSED, OPEN or HALF_OPEN
     * @param successRate  share of recent calls that succeeded, in [0, 1]
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deployment(String model, String tier, int rpm, int tpm, boolean priced,
                             double inputCostPerToken, double outputCostPerToken, int contextLength,
                             boolean tools, boolean vision, boolean streaming, boolean json, boolean pdf,
                             boolean reasoning, boolean audio, String circuit, String localCircuit, Double emaLatencyMs, Double p50LatencyMs,
                             Double p95LatencyMs, Double p99LatencyMs, Double successRate) {
    }
}
