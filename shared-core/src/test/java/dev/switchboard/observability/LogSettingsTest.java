package dev.switchboard.observability;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSettingsTest {

    private static final String LAMBDA = "AWS_LAMBDA_FUNCTION_NAME";

    @Test
    void locallyLinesAreReadableAndNoMetricsAreWritten() {
        assertEquals(new LogSettings(false, false, false), LogSettings.from(Map.of()));
    }

    @Test
    void onLambdaLinesAreJsonWithRequestLinesAndEmfMetrics() {
        assertEquals(new LogSettings(true, true, true), LogSettings.from(Map.of(LAMBDA, "switchboard-complete")));
    }

    @Test
    void theVariablesOverrideEitherDefault() {
        assertEquals(new LogSettings(true, true, false),
                LogSettings.from(Map.of(LogSettings.FORMAT_VARIABLE, "JSON")));
        assertEquals(new LogSettings(false, false, true),
                LogSettings.from(Map.of(LAMBDA, "f", LogSettings.FORMAT_VARIABLE, "text")));
        assertEquals(new LogSettings(true, true, false),
                LogSettings.from(Map.of(LAMBDA, "f", LogSettings.METRICS_VARIABLE, "off")));
        assertEquals(new LogSettings(false, false, true),
                LogSettings.from(Map.of(LogSettings.METRICS_VARIABLE, " emf ")));
    }

    @Test
    void aValueItDoesNotTakeIsNamedWithItsVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.from(Map.of(LogSettings.FORMAT_VARIABLE, "yaml")));
        assertTrue(e.getMessage().contains("SWITCHBOARD_LOG_FORMAT"), e.getMessage());
    }

    @Test
    void leniently_aBadValueFallsBackToTheEnvironmentsDefaultsAndSaysWhy() {
        LogSettings.Lenient lambda = LogSettings.lenient(Map.of(LAMBDA, "f", LogSettings.METRICS_VARIABLE, "yes"));
        assertEquals(new LogSettings(true, true, true), lambda.settings());
        assertTrue(lambda.problem().contains("SWITCHBOARD_METRICS"), lambda.problem());
        assertNull(LogSettings.lenient(Map.of()).problem());
    }
}
