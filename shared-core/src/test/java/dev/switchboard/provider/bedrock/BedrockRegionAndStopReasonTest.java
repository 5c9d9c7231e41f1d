package dev.switchboard.provider.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.provider.FinishReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/** Where a Bedrock provider's region comes from, and Converse's stop reasons in the unified model. */
class BedrockRegionAndStopReasonTest {

    @ParameterizedTest
    @CsvSource({
            "https://bedrock-runtime.eu-west-1.amazonaws.com, eu-west-1",
            "https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com, us-gov-west-1",
            "https://bedrock-runtime.cn-north-1.amazonaws.com.cn, cn-north-1",
            "http://127.0.0.1:8080, ap-south-1",
            "https://vpce-0abc.bedrock-runtime.us-east-1.vpce.amazonaws.com, ap-south-1"})
    void theBedrockHostNamesTheRegionElseTheDefaultChainDoes(String baseUrl, String region) {
        assertEquals(Region.of(region), BedrockRegion.of("b", baseUrl, () -> Region.AP_SOUTH_1));
    }

    @Test
    void noRegionAnywhereFailsAtStartUpNamingTheProvider() {
        ConfigurationError e = assertThrows(ConfigurationError.class, () -> BedrockRegion.of("acme", null, () -> {
            throw SdkClientException.create("no region");
        }));
        assertTrue(e.getMessage().contains("'acme'") && e.getMessage().contains("AWS_REGION"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"end_turn, STOP", "stop_sequence, STOP", "max_tokens, LENGTH", "model_context_window_exceeded, LENGTH",
            "tool_use, TOOL_CALLS", "guardrail_intervened, CONTENT_FILTER", "content_filtered, CONTENT_FILTER",
            "malformed_tool_use, OTHER", "something_new, OTHER"})
    void stopReasons(String reason, FinishReason finish) {
        assertEquals(finish, BedrockStopReasons.of(reason));
    }
}
