package dev.switchboard.service;

import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.config.SimulationConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnknownSettingsWarningTest {

    private static final ProviderCatalog CATALOG = new ProviderCatalog("test", List.of(
            new ProviderConfig("switchboard-eu", "simulated", null, List.of(), SimulationConfig.DEFAULTS)));

    @Test
    void aMisspeltSettingIsNamedWithTheOneItResembles() {
        assertEquals(List.of("SWITCHBOARD_CAHCE_TTL is set but is not a Switchboard setting, so it changes nothing"
                        + " (did you mean SWITCHBOARD_CACHE_TTL?)",
                        "WEIGHT_COSTS is set but is not a Switchboard setting, so it changes nothing"
                        + " (did you mean WEIGHT_COST?)"),
                UnknownSettingsWarning.warnings(List.of("WEIGHT_COSTS", "SWITCHBOARD_CAHCE_TTL"), CATALOG));
    }

    @Test
    void aNameLikeNoSettingIsNamedWithoutAGuess() {
        assertEquals(List.of("SWITCHBOARD_LEDGER_JDBC_CONNECTION_STRING is set but is not a Switchboard setting,"
                        + " so it changes nothing"),
                UnknownSettingsWarning.warnings(List.of("SWITCHBOARD_LEDGER_JDBC_CONNECTION_STRING"), CATALOG));
    }

    @Test
    void settingsProviderKeysAndOtherVariablesPassUnremarked() {
        assertEquals(List.of(), UnknownSettingsWarning.warnings(List.of("SWITCHBOARD_CACHE_TTL", "SLA_LOW_MS",
                "WEIGHT_SLA", "SWITCHBOARD_ADMIN_KEY", "SWITCHBOARD_LEDGER_URL", "SWITCHBOARD_DATA_DIR",
                "SWITCHBOARD_EU_API_KEY", "OPENAI_API_KEY", "AWS_REGION", "PATH", "PORT", "SWITCHBOARD_TEST_BACKEND"),
                CATALOG));
    }

    @Test
    void editsCountInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, UnknownSettingsWarning.edits("TTL", "TTL"));
        assertEquals(2, UnknownSettingsWarning.edits("CAHCE", "CACHE"));
        assertEquals(1, UnknownSettingsWarning.edits("COSTS", "COST"));
        assertEquals(3, UnknownSettingsWarning.edits("", "abc"));
    }
}
