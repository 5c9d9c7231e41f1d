package dev.switchboard.template;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.ProviderCatalogLoader;
import dev.switchboard.service.KnownSettings;
import dev.switchboard.service.LedgerRetention;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The functions' environment names settings the code reads, with the values that make the code find
 * what the template declares: the tables' prefix, the secrets' stage, the ledger.
 */
class TemplateEnvironmentTest {

    @Test
    void everyVariableIsOneTheCodeReads() {
        Set<String> known = KnownSettings.variables();
        SamTemplate.load().functions().forEach((id, p) -> variables(p).keySet().forEach(name ->
                assertTrue(known.contains(name), id + ": " + name + " is read by no setting")));
    }

    @Test
    void theVariablesPointTheCodeAtTheTemplatesTablesSecretsAndLedger() {
        Map<String, Object> parameters = SamTemplate.load().parameters();
        assertEquals(ProviderCatalogLoader.BUILT_IN, SamTemplate.<Object>map(parameters.get("ProvidersConfig")).get("Default"),
                "without a providers file the functions use the built-in one");
        SamTemplate.load().functions().forEach((id, p) -> {
            Map<String, Object> env = variables(p);
            assertEquals(Map.of("Fn::Sub", TemplateTablesTest.PREFIX), env.get("SWITCHBOARD_DYNAMODB_TABLE_PREFIX"), id);
            assertEquals(Map.of("Ref", "Environment"), env.get("SWITCHBOARD_SECRETS_STAGE"), id);
            assertEquals(Map.of("Ref", "LedgerJdbcUrl"), env.get("SWITCHBOARD_LEDGER_URL"), id);
            assertEquals(Map.of("Ref", "ProvidersConfig"), env.get("SWITCHBOARD_CONFIG"), id);
            assertEquals(Map.of("Ref", "LedgerCredentialsSecret"), env.get("SWITCHBOARD_LEDGER_CREDENTIALS_SECRET"), id);
            assertEquals(Map.of("Fn::Sub", "Switchboard/${Environment}"), env.get("SWITCHBOARD_METRICS_NAMESPACE"),
                    id + ": each environment's metrics in a namespace of their own");
            for (String credential : new String[]{"USERNAME", "PASSWORD"}) {
                assertFalse(env.containsKey("SWITCHBOARD_LEDGER_" + credential),
                        id + ": the ledger's " + credential + " is read from its secret at start-up, never configured");
            }
        });
    }

    @Test
    void theRetentionParameterTakesExactlyTheDaysTheFunctionsStartWith() {
        Map<String, Object> parameter = SamTemplate.map(SamTemplate.load().parameters().get("LedgerRetentionDays"));
        Pattern allowed = Pattern.compile(String.valueOf(parameter.get("AllowedPattern")));
        Clock clock = Clock.systemUTC();
        for (int days = -1; days <= 4000; days++) {
            boolean starts;
            try {
                new LedgerRetention(days, clock);
                starts = true;
            } catch (ConfigurationError refused) {
                starts = false;
            }
            assertEquals(starts, allowed.matcher(String.valueOf(days)).matches(), days + " days");
        }
        SamTemplate.load().functions().forEach((id, p) -> assertEquals(Map.of("Ref", "LedgerRetentionDays"),
                variables(p).get("SWITCHBOARD_LEDGER_RETENTION_DAYS"), id));
    }

    static Map<String, Object> variables(Map<String, Object> function) {
        Object environment = function.get("Environment");
        assertNotNull(environment, "no environment");
        return SamTemplate.map(SamTemplate.<Object>map(environment).get("Variables"));
    }
}
