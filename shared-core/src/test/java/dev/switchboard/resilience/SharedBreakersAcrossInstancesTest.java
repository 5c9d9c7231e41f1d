package dev.switchboard.resilience;

import dev.switchboard.api.ProbeReport;
import dev.switchboard.provider.Sleeper;
import dev.switchboard.state.AdmissionStoreContract;
import dev.switchboard.state.CircuitState;
import dev.switchboard.state.LatencySettings;
import dev.switchboard.state.dynamodb.DynamoDbHealthStore;
import dev.switchboard.state.dynamodb.DynamoDbLatencyStore;
import dev.switchboard.state.dynamodb.TableProvisioner;
import dev.switchboard.testing.TestAws;
import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.testsupport.SharedStateParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.switchboard.resilience.ScriptedProviders.timeout;
import static dev.switchboard.resilience.ScriptedProviders.unavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances and the probe, each with its own DynamoDB client on one shared table: a breaker
 * that opens in instance A is open in instance B once B's snapshot is older than its max age, and
 * the probe's healthy answer closes it in both. Time moves only on the test clock.
 */
class SharedBreakersAcrossInstancesTest {

    private static final String LABEL = "alpha/gpt-4o-mini";
    private static final Sleeper NO_WAIT = duration -> { };

    private final String prefix = "shared-breakers-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-";
    private final MutableClock clock = new MutableClock();
    private final List<DynamoDbClient> clients = new ArrayList<>();
    private final SharedStateParts parts = new SharedStateParts().simulated("alpha", 0, "gpt-4o-mini");

    SharedBreakersAcrossInstancesTest() {
        clock.advance(AdmissionStoreContract.TEN_YEARS);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DynamoDbClient::close);
    }

    private SharedStateParts.Instance instance() {
        DynamoDbClient client = client();
        return parts.instance(new DynamoDbLatencyStore(client, prefix, LatencySettings.defaults(), clock, NO_WAIT),
                new DynamoDbHealthStore(client, prefix, NO_WAIT), clock);
    }

    private DynamoDbClient client() {
        DynamoDbClient client = TestAws.dynamoDbClient();
        if (clients.isEmpty()) {
            new TableProvisioner(client).createMissing(prefix);
        }
        clients.add(client);
        return client;
    }

    @Test
    void aBreakerOpenInOneInstanceIsOpenInAnotherAfterItsMaxAgeAndTheProbeClosesItInBoth() {
        SharedStateParts.Instance a = instance();
        SharedStateParts.Instance b = instance();
        a.cache().current();
        b.cache().current();

        for (var failure : List.of(unavailable(503), unavailable(502), timeout())) {
            a.breakers().tryAcquire(LABEL).orElseThrow().failed(failure);
        }
        assertTrue(a.breakers().isOpen(LABEL));
        assertFalse(b.breakers().isOpen(LABEL), "B still routes on its copy, read before A's breaker opened");

        clock.advance(Duration.ofSeconds(5));
        b.cache().current();
        assertFalse(b.breakers().isOpen(LABEL), "exactly the max age: the copy still holds");
        clock.advance(Duration.ofMillis(1));
        assertEquals(CircuitState.OPEN, b.cache().current().circuit(LABEL).orElseThrow().state());
        assertTrue(b.breakers().isOpen(LABEL));
        assertEquals("TIMEOUT", b.cache().current().circuit(LABEL).orElseThrow().reason());

        clock.advance(Duration.ofSeconds(1));
        DynamoDbClient probeClient = client();
        ProbeReport report = parts.probe(new DynamoDbHealthStore(probeClient, prefix, NO_WAIT), clock).probeAll();
        assertEquals("CLOSED", report.results().get(0).circuit());

        clock.advance(Duration.ofSeconds(6));
        assertEquals(CircuitState.CLOSED, a.cache().current().circuit(LABEL).orElseThrow().state());
        b.cache().current();
        assertEquals(BreakerState.CLOSED, a.breakers().state(LABEL));
        assertEquals(BreakerState.CLOSED, b.breakers().state(LABEL));
        assertEquals(0L, b.cache().current().latency().of(LABEL).calls(), "a probe's ping is not a latency sample");
    }
}
