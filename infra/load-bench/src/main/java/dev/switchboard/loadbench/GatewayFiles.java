package dev.switchboard.loadbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The gateway's providers file (one OpenAI-compatible provider: the fake upstream) and a price table
 * for it. The bench model costs a trillionth of a dollar per token, so that every answer is priced
 * and settled like a real one while the default daily budget never runs out during a run.
 */
final class GatewayFiles {

    private GatewayFiles() {
    }

    static Path providers(Path dir, int upstreamPort) throws IOException {
        String yaml = """
                providers:
                  - name: fake
                    protocol: openai-compatible
                    base-url: http://127.0.0.1:%d/v1
                    deployments:
                      - model: %s
                        tier: economy
                        rpm: 1000000
                        tpm: 1000000000
                        capabilities: {context-length: 128000, tools: true, streaming: true}
                """.formatted(upstreamPort, UpstreamAnswers.MODEL);
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("providers.yml"), yaml);
    }

    static Path prices(Path dir) throws IOException {
        String json = """
                {
                  "%s": {"max_input_tokens": 128000, "max_output_tokens": 4096, "input_cost_per_token": 1e-12,
                         "output_cost_per_token": 1e-12, "litellm_provider": "openai", "mode": "chat"},
                  "gpt-4o": {"max_input_tokens": 128000, "max_output_tokens": 16384, "input_cost_per_token": 2.5e-06,
                             "output_cost_per_token": 1e-05, "litellm_provider": "openai", "mode": "chat"}
                }
                """.formatted(UpstreamAnswers.MODEL);
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("prices.json"), json);
    }
}
