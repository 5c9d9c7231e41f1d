package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.CompleteResponse;
import dev.switchboard.api.SimulateFailureRequest;
import dev.switchboard.api.SimulatedFailureResponse;
import dev.switchboard.resilience.DeploymentBreakers;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.memory.InMemoryHealthStore;
import dev.switchboard.resilience.ResilienceSettings;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.H2Ledger;
import dev.switchboard.testsupport.SharedTestClock;
import dev.switchboard.testsupport.TestEnvironment;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /simulate/failure's service on two instances sharing one DynamoDB: the instance asked stops
 * routing to the provider at once, the other holds it open from the shared record, and once the
 * duration has passed (the shared test clock moved) the provider answers again.
 */
class FailureSimulationTest {

    private static final String GEMINI = "gemini/gemini-1.5-flash";
    private static final CompleteRequest CHEAP = new CompleteRequest("What is Python?", 100, false, null);

    private static ApplicationContext instance;
    private static ApplicationContext other;

    @BeforeAll
    static void start() {
        // Far ahead of real time: DynamoDB Local deletes TTL-expired items by the real clock.
        SharedTestClock.CLOCK.advance(AdmissionStoreContract.TEN_YEARS);
        Map<String, Object> properties = new HashMap<>(TestEnvironment.properties());
        properties.put(SharedTestClock.PROPERTY, "true");
        // The same prompt is sent again and again: each must reach a provider.
        properties.put("switchboard.cache.enabled", "false");
        instance = ApplicationContext.run(properties, "test");
        Map<String, Object> second = new HashMap<>(properties);
        second.put("datasources.default.url", H2Ledger.freshUrl());
        other = ApplicationContext.run(second, "test");
    }

    @AfterAll
    static void stop() {
        instance.close();
        other.close();
    }

    private static CompleteResponse complete() {
        return instance.getBean(CompletionService.class).complete(CHEAP, Caller.ANONYMOUS);
    }

    @Test
    void aSimulatedOutageKeepsEveryInstanceAwayUntilItsDurationHasPassed() {
        assertEquals("gemini", complete().provider(), "the cheap model answers a simple prompt");

        SimulatedFailureResponse marked = instance.getBean(FailureSimulation.class)
                .simulate(new SimulateFailureRequest("gemini", null, 120));

        Instant now = SharedTestClock.CLOCK.instant();
        assertEquals(List.of(GEMINI), marked.deployments());
        assertEquals(now.plusSeconds(120).toString(), marked.until());
        CompleteResponse during = complete();
        assertNotEquals("gemini", during.provider(), "this instance keeps away at once");
        assertFalse(during.routingMetadata().attempted().stream().anyMatch(a -> a.startsWith(GEMINI)
                && !a.endsWith("(circuit_open)")), during.routingMetadata().attempted().toString());

        CircuitRecord shared = other.getBean(HealthStore.class).snapshot(List.of(GEMINI)).get(GEMINI);
        assertEquals(CircuitRecord.SIMULATED, shared.source());
        other.getBean(SharedCircuits.class).adopt(Map.of(GEMINI, shared));
        DeploymentBreakers otherBreakers = other.getBean(DeploymentBreakers.class);
        SharedTestClock.CLOCK.advance(Duration.ofSeconds(90));
        assertTrue(otherBreakers.isOpen(GEMINI), "past the breaker's 60 s recovery, still held");
        assertNotEquals("gemini", complete().provider());

        SharedTestClock.CLOCK.advance(Duration.ofSeconds(30));
        assertFalse(otherBreakers.isOpen(GEMINI));
        assertEquals("gemini", complete().provider(), "used again once the outage is over");
    }

    @Test
    void anUnknownProviderOrModelIs404NamingTheField() {
        FailureSimulation simulation = instance.getBean(FailureSimulation.class);

        ApiException provider = assertThrows(ApiException.class,
                () -> simulation.simulate(new SimulateFailureRequest("nobody", null, 60)));
        ApiException model = assertThrows(ApiException.class,
                () -> simulation.simulate(new SimulateFailureRequest("openai", "gpt-9", 60)));

        assertEquals(404, provider.status());
        assertEquals("provider", provider.field());
        assertEquals(404, model.status());
        assertEquals("model", model.field());
    }

    @Test
    void aStoreThatFailsPartWayMarksWhatItWroteHereTooAndSaysSo() {
        InMemoryHealthStore store = new InMemoryHealthStore();
        int[] publishes = {0};
        HealthStore failingSecond = new HealthStore() {
            @Override
            public boolean publish(CircuitRecord record) {
                if (++publishes[0] == 2) {
                    throw new StateUnavailableException("throttled", null);
                }
                return store.publish(record);
            }

            @Override
            public Map<String, CircuitRecord> snapshot(java.util.Collection<String> deployments) {
                return store.snapshot(deployments);
            }
        };
        DeploymentBreakers breakers = new DeploymentBreakers(ResilienceSettings.DEFAULTS, SharedTestClock.CLOCK);
        FailureSimulation simulation = new FailureSimulation(CoreFixture.builtInCandidates(), failingSecond,
                new SharedCircuits(breakers), SharedTestClock.CLOCK);

        ApiException e = assertThrows(ApiException.class,
                () -> simulation.simulate(new SimulateFailureRequest("openai", null, 60)));

        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("openai/gpt-4o-mini only"), e.getMessage());
        assertTrue(breakers.isOpen("openai/gpt-4o-mini"), "as every other instance will see it");
        assertFalse(breakers.isOpen("openai/gpt-4o"), "not written, so marked nowhere");
    }

    @Test
    void oneModelCanBeMarkedAlone() {
        SimulatedFailureResponse marked = instance.getBean(FailureSimulation.class)
                .simulate(new SimulateFailureRequest("openai", "gpt-4o", 5));

        assertEquals(List.of("openai/gpt-4o"), marked.deployments());
        assertTrue(instance.getBean(DeploymentBreakers.class).isOpen("openai/gpt-4o"));
        assertFalse(instance.getBean(DeploymentBreakers.class).isOpen("openai/gpt-4o-mini"));
        SharedTestClock.CLOCK.advance(Duration.ofSeconds(5));
        assertFalse(instance.getBean(DeploymentBreakers.class).isOpen("openai/gpt-4o"));
    }
}
