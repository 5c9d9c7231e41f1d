package dev.switchboard.service;

import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.routing.Capability;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words requires= takes are exactly the capabilities routing checks, so none is taken and then ignored. */
class CapabilityWordsTest {

    @Test
    void requiresTakesEachCapabilityByItsWireName() {
        assertEquals(Arrays.stream(Capability.values()).map(Capability::wireName).collect(Collectors.toSet()),
                RoutingPreferences.CAPABILITIES);
        for (Capability capability : Capability.values()) {
            assertEquals(capability, Capability.fromWireName(capability.wireName()).orElseThrow());
        }
    }
}
