package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeploymentSignalsTest {

    private static DeploymentSignals withSuccessRate(Double successRate) {
        return new DeploymentSignals(false, successRate, 100.0, 200.0, 5, 0);
    }

    private static DeploymentSignals withPriority(int priority) {
        return new DeploymentSignals(false, 1.0, 100.0, 200.0, priority, 0);
    }

    private static DeploymentSignals withCapabilities(int capabilities) {
        return new DeploymentSignals(false, 1.0, 100.0, 200.0, 5, capabilities);
    }

    @Test
    void unknownHasNothingMeasuredDefaultPriorityAndNoCapabilities() {
        DeploymentSignals unknown = DeploymentSignals.unknown();
        assertFalse(unknown.circuitOpen());
        assertNull(unknown.successRate());
        assertNull(unknown.p50LatencyMs());
        assertNull(unknown.p95LatencyMs());
        assertEquals(5, DeploymentSignals.DEFAULT_PRIORITY);
        assertEquals(DeploymentSignals.DEFAULT_PRIORITY, unknown.priority());
        assertEquals(0, unknown.capabilities());
        assertEquals(new DeploymentSignals(false, null, null, null, 5, 0), unknown);
    }

    @ParameterizedTest(name = "successRate={0}")
    @ValueSource(doubles = {0.0, 0.4, 1.0})
    void acceptsASuccessRateInTheUnitInterval(double successRate) {
        assertEquals(successRate, assertDoesNotThrow(() -> withSuccessRate(successRate)).successRate());
    }

    @Test
    void acceptsAnUnknownSuccessRate() {
        assertNull(assertDoesNotThrow(() -> withSuccessRate(null)).successRate());
    }

    @ParameterizedTest(name = "successRate={0}")
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesASuccessRateOutsideTheUnitInterval(double successRate) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withSuccessRate(successRate));
        assertTrue(e.getMessage().contains("successRate"), e.getMessage());
    }

    @ParameterizedTest(name = "priority={0}")
    @ValueSource(ints = {0, 5, 10})
    void acceptsAPriorityFromZeroToTen(int priority) {
        assertEquals(priority, assertDoesNotThrow(() -> withPriority(priority)).priority());
    }

    @ParameterizedTest(name = "priority={0}")
    @ValueSource(ints = {-1, 11, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusesAPriorityOutsideZeroToTen(int priority) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withPriority(priority));
        assertTrue(e.getMessage().contains("priority"), e.getMessage());
    }

    @ParameterizedTest(name = "capabilities={0}")
    @ValueSource(ints = {0, 1, 4})
    void acceptsZeroToFourCapabilities(int capabilities) {
        assertEquals(capabilities, assertDoesNotThrow(() -> withCapabilities(capabilities)).capabilities());
    }

    @ParameterizedTest(name = "capabilities={0}")
    @ValueSource(ints = {-1, 5})
    void refusesCapabilitiesOutsideZeroToFour(int capabilities) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withCapabilities(capabilities));
        assertTrue(e.getMessage().contains("capabilities"), e.getMessage());
    }

    @Test
    void refusesNegativeLatencies() {
        assertThrows(IllegalArgumentException.class,
                () -> new DeploymentSignals(false, 0.9, -1.0, 100.0, 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DeploymentSignals(false, 0.9, 100.0, Double.NaN, 5, 0));
    }

    @Test
    void theShortConstructorAndUnknownTrackNeitherEmaLatencyNorCallsInFlight() {
        DeploymentSignals short6 = new DeploymentSignals(false, 0.9, 100.0, 200.0, 5, 0);

        assertNull(short6.emaLatencyMs());
        assertNull(short6.inFlight());
        assertNull(DeploymentSignals.unknown().emaLatencyMs());
        assertNull(DeploymentSignals.unknown().inFlight());
        assertEquals(new DeploymentSignals(false, 0.9, 100.0, 200.0, 5, 0, null, null), short6);
    }

    @Test
    void acceptsAZeroOrPositiveEmaLatencyAndCallsInFlight() {
        DeploymentSignals signals = new DeploymentSignals(false, null, null, null, 5, 0, 0.0, 0);

        assertEquals(0.0, signals.emaLatencyMs());
        assertEquals(0, signals.inFlight());
        assertEquals(250.5, new DeploymentSignals(false, null, null, null, 5, 0, 250.5, 12).emaLatencyMs());
    }

    @ParameterizedTest(name = "ema={0}")
    @ValueSource(doubles = {-0.1, Double.NaN, Double.NEGATIVE_INFINITY})
    void refusesANegativeOrNaNEmaLatency(double ema) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeploymentSignals(false, null, null, null, 5, 0, ema, null));
        assertEquals("latencies must be at least 0 ms", e.getMessage());
    }

    @Test
    void refusesANegativeInFlightCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeploymentSignals(false, null, null, null, 5, 0, null, -1));
        assertEquals("inFlight must be at least 0", e.getMessage());
    }
}
