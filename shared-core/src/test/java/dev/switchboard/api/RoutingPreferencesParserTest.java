package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoutingPreferencesParserTest {

    private final CompleteRequestParser parser = new CompleteRequestParser(JsonMapper.createDefault());

    private CompleteRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyWithoutPreferencesLeavesRoutingToItsDefaults() {
        assertEquals(RoutingPreferences.NONE, parse("{\"prompt\": \"hi\"}").routing());
    }

    @Test
    void readsEveryPreferenceFromTheBody() {
        RoutingPreferences p = parse("""
                {"prompt": "hi", "strategy": "latency-based", "latency_class": "ultra_low", "max_cost": 0.02,
                 "sla_target_ms": 1500, "allow": ["openai", "anthropic/claude-3-5-haiku-20241022"],
                 "deny": ["gpt-4o"], "requires": ["tools", "vision"]}""").routing();

        assertEquals(new RoutingPreferences("latency-based", "ultra_low", 0.02, 1500L,
                List.of("openai", "anthropic/claude-3-5-haiku-20241022"), List.of("gpt-4o"),
                Set.of("tools", "vision")), p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"strategy\": \"\"                  | strategy",
            "\"strategy\": 3                     | strategy",
            "\"latency_class\": \"fast\"         | latency_class",
            "\"max_cost\": -0.01                 | max_cost",
            "\"max_cost\": \"0.01\"              | max_cost",
            "\"sla_target_ms\": 0                | sla_target_ms",
            "\"sla_target_ms\": 1.5              | sla_target_ms",
            "\"allow\": \"openai\"               | allow",
            "\"allow\": [\"\"]                   | allow",
            "\"deny\": [1]                       | deny",
            "\"requires\": [\"telepathy\"]       | requires",
            "\"requires\": [\"tools\", \"tools\"] | requires"})
    void refusesABadPreferenceNamingItsField(String member, String field) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> parse("{\"prompt\": \"hi\", " + member + "}"));

        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void readsPreferencesFromQueryParametersWithCommaSeparatedLists() {
        Map<String, String> query = Map.of("strategy", "round-robin", "latency_class", "high", "max_cost", "0.5",
                "sla_target_ms", "2000", "allow", "openai, gemini", "deny", "gpt-4o", "requires", "streaming");

        RoutingPreferences p = RoutingPreferencesParser.fromQuery(query::get);

        assertEquals(new RoutingPreferences("round-robin", "high", 0.5, 2000L, List.of("openai", "gemini"),
                List.of("gpt-4o"), Set.of("streaming")), p);
    }

    @Test
    void absentQueryParametersMeanNoPreferences() {
        assertEquals(RoutingPreferences.NONE, RoutingPreferencesParser.fromQuery(name -> null));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"max_cost, abc", "max_cost, NaN", "sla_target_ms, 10s", "allow, 'openai,,gemini'",
            "latency_class, slow", "requires, 'tools,tools'"})
    void refusesABadQueryParameterNamingIt(String name, String value) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> RoutingPreferencesParser.fromQuery(Map.of(name, value)::get));

        assertEquals(name, e.field(), e.getMessage());
    }
}
