package dev.switchboard.routing.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyClassTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({"ULTRA_LOW, ultra_low", "LOW, low", "MEDIUM, medium", "HIGH, high"})
    void wireNameIsTheLowerCaseName(LatencyClass latencyClass, String wireName) {
        assertEquals(wireName, latencyClass.wireName());
        assertEquals(Optional.of(latencyClass), LatencyClass.fromWireName(wireName));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LatencyClass.class)
    void fromWireNameRoundTrips(LatencyClass latencyClass) {
        assertEquals(Optional.of(latencyClass), LatencyClass.fromWireName(latencyClass.wireName()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"ULTRA_LOW", "Low", "ultra-low", "ultralow", " low", "low ", "urgent"})
    void fromWireNameIsEmptyForAnythingElse(String name) {
        assertEquals(Optional.empty(), LatencyClass.fromWireName(name));
    }

    @Test
    void emphasisDecreasesFromUltraLowToHighWithinZeroToOne() {
        assertEquals(1.0, LatencyClass.ULTRA_LOW.emphasis());
        LatencyClass[] classes = LatencyClass.values();
        for (int i = 1; i < classes.length; i++) {
            assertTrue(classes[i].emphasis() < classes[i - 1].emphasis(), classes[i] + " vs " + classes[i - 1]);
            assertTrue(classes[i].emphasis() > 0, classes[i].name());
        }
    }
}
