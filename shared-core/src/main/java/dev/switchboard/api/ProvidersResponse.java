package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/** GET /providers: every configured provider and deployment, with prices and limits. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ProvidersResponse(String source, List<Provider> providers) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Provider(String name, String protocol, String baseUrl, List<Deployment> deployments) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Deployment(String model, String tier, int rpm, int tpm, boolean priced,
                             double inputCostPerToken, double outputCostPerToken, int contextLength,
                             boolean tools, boolean vision, boolean streaming) {
    }
}
