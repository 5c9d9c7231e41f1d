package dev.switchboard.service;

import dev.switchboard.api.ApiException;
import dev.switchboard.api.SimulateFailureRequest;
import dev.switchboard.api.SimulatedFailureResponse;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.CircuitRecord;
import dev.switchboard.state.CircuitState;
import dev.switchboard.state.HealthStore;
import dev.switchboard.state.StateUnavailableException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POST /simulate/failure (seed 002): marks a provider's deployments, or one of them, down for a while.
 * Each gets a shared OPEN circuit record held until the end of the outage, so that every instance's
 * breakers keep away from it until then (they adopt it with their next snapshot, within the snapshot's
 * max age) and the probe does not close it early. This instance adopts it at once.
 */
@Singleton
public class FailureSimulation {

    private static final Logger LOG = LoggerFactory.getLogger(FailureSimulation.class);

    private final CandidateCatalog candidates;
    private final HealthStore health;
    private final SharedCircuits circuits;
    private final Clock clock;

    public FailureSimulation(CandidateCatalog candidates, HealthStore health, SharedCircuits circuits, Clock clock) {
        this.candidates = candidates;
        this.health = health;
        this.circuits = circuits;
        this.clock = clock;
    }

    /**
     * @return the deployments marked: those whose record was written (a newer record already stored, which another
     *         instance wrote with a clock ahead of this one's, is left as it is)
     * @throws ApiException 404 naming {@code provider} or {@code model} when nothing configured matches; 503
     *                      when the shared state cannot be written, naming what was marked before it failed (those
     *                      every instance will adopt, this one included; none when it failed at once)
     */
    public SimulatedFailureResponse simulate(SimulateFailureRequest request) {
        List<String> labels = targets(request);
        Instant from = clock.instant();
        Instant until = from.plusSeconds(request.durationSeconds());
        Map<String, CircuitRecord> records = new LinkedHashMap<>();
        for (String label : labels) {
            records.put(label, CircuitRecord.simulated(label, from, until));
        }
        Map<String, CircuitRecord> written = new LinkedHashMap<>();
        try {
            for (CircuitRecord record : records.values()) {
                if (health.publish(record)) {
                    written.put(record.deployment(), record);
                }
            }
        } catch (StateUnavailableException e) {
            // What was written, the other instances adopt with their next snapshot: this one does too.
            circuits.adopt(written);
            LOG.warn("simulated failure shared for {} of {}: {}", written.keySet(), labels, e.getMessage());
            throw new StateStoreUnavailableException(written.isEmpty()
                    ? "The outage could not be shared with every instance: the state store is unavailable; nothing "
                            + "was marked down; retry shortly"
                    : "The outage was shared for " + String.join(", ", written.keySet()) + " only, before the state "
                            + "store failed; retry shortly to mark the rest");
        }
        circuits.adopt(written);
        List<String> marked = List.copyOf(written.keySet());
        LOG.warn("simulated failure: deployments={} until={}", marked, until);
        return new SimulatedFailureResponse(request.provider(), marked, CircuitState.OPEN.name(),
                request.durationSeconds(), from.toString(), until.toString(), CircuitRecord.SIMULATED);
    }

    private List<String> targets(SimulateFailureRequest request) {
        List<Candidate> ofProvider = candidates.all().stream()
                .filter(c -> c.provider().equals(request.provider())).toList();
        if (ofProvider.isEmpty()) {
            throw new ApiException(404, "not_found", "No provider '" + request.provider() + "' is configured; "
                    + "GET /providers lists them", "provider");
        }
        List<String> labels = ofProvider.stream()
                .filter(c -> request.model() == null || c.model().equals(request.model()))
                .map(Candidate::label).toList();
        if (labels.isEmpty()) {
            throw new ApiException(404, "not_found", "Provider '" + request.provider() + "' has no model '"
                    + request.model() + "'", "model");
        }
        return labels;
    }
}
