package dev.switchboard.routing.constraint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static dev.switchboard.routing.RoutingFixtures.constraints;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestConstraintsTest {

    @Test
    void noneDemandsNothing() {
        RequestConstraints none = RequestConstraints.NONE;

        assertTrue(none.needs().isEmpty());
        assertNull(none.maxCostUsd());
        assertNull(none.slaTargetMs());
        assertEquals(Set.of(), none.allow());
        assertEquals(Set.of(), none.deny());
        assertTrue(none.isNone());
        assertTrue(constraints().build().isNone(), "empty lists and no limits are none, whoever built them");
    }

    @Test
    void anyDemandIsNotNone() {
        assertFalse(constraints().tools().build().isNone());
        assertFalse(constraints().maxCost(0).build().isNone());
        assertFalse(constraints().sla(1).build().isNone());
        assertFalse(constraints().deny("openai").build().isNone());
    }

    @ParameterizedTest(name = "max cost {0}")
    @ValueSource(doubles = {-0.01, -1e-12, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesANegativeOrNonFiniteBudget(double usd) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> constraints().maxCost(usd).build());
        assertEquals("max cost must be a finite number of USD of at least 0: " + usd, e.getMessage());
    }

    @ParameterizedTest(name = "max cost {0}")
    @ValueSource(doubles = {0.0, 1e-9, 25.0})
    void acceptsAZeroOrPositiveBudget(double usd) {
        assertEquals(usd, constraints().maxCost(usd).build().maxCostUsd());
    }

    @ParameterizedTest(name = "sla {0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void refusesAnSlaTargetBelowOneMillisecond(long ms) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> constraints().sla(ms).build());
        assertEquals("SLA target must be at least 1 ms: " + ms, e.getMessage());
    }

    @Test
    void acceptsAnSlaTargetOfOneMillisecond() {
        assertEquals(1L, constraints().sla(1).build().slaTargetMs());
    }

    @ParameterizedTest(name = "entry \"{0}\"")
    @ValueSource(strings = {"", " ", "\t"})
    void refusesBlankListEntries(String entry) {
        IllegalArgumentException allow = assertThrows(IllegalArgumentException.class,
                () -> constraints().allow("openai", entry).build());
        IllegalArgumentException deny = assertThrows(IllegalArgumentException.class,
                () -> constraints().deny(entry).build());

        assertEquals("allow list entries must not be blank", allow.getMessage());
        assertEquals("deny list entries must not be blank", deny.getMessage());
    }

    @Test
    void refusesMissingLists() {
        assertThrows(NullPointerException.class, () -> new RequestConstraints(false, false, false, null, null, null, Set.of()));
        assertThrows(NullPointerException.class, () -> new RequestConstraints(false, false, false, null, null, Set.of(), null));
    }

    @Test
    void keepsItsOwnCopyOfTheLists() {
        Set<String> allow = new HashSet<>(Set.of("openai"));
        RequestConstraints constraints = new RequestConstraints(false, false, false, null, null, allow, Set.of());

        allow.add("anthropic");

        assertEquals(Set.of("openai"), constraints.allow());
        assertThrows(UnsupportedOperationException.class, () -> constraints.allow().add("x"));
    }

    @Test
    void aNonBlankEntryIsKeptAsGiven() {
        assertDoesNotThrow(() -> constraints().allow("openai/gpt-4o").deny("gpt-4").build());
    }
}
