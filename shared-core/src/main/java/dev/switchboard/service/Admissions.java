package dev.switchboard.service;

import dev.switchboard.cost.CostCalculator;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.state.UnsettledSettlement;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Opens each request's {@link RequestAdmission} over the shared state, prices and outage policy. */
@Singleton
public class Admissions {

    private static final Logger LOG = LoggerFactory.getLogger(Admissions.class);

    private final RequestState state;
    private final CostCalculator costs;
    private final CandidateCatalog candidates;
    private final StateOutagePolicy policy;
    private final StateOutages outages;
    private final Clock clock;
    private final Executor releaser;
    private final SettlementRepeats repeats;

    @Inject
    public Admissions(RequestState state, CostCalculator costs, CandidateCatalog candidates, StateOutagePolicy policy,
                      StateOutages outages, Clock clock, @Named(TaskExecutors.IO) Executor releaser,
                      SettlementRepeats repeats) {
        this.releaser = releaser;
        this.repeats = repeats;
        this.state = state;
        this.costs = costs;
        this.candidates = candidates;
        this.policy = policy;
        this.outages = outages;
        this.clock = clock;
    }

    /** Releases on the calling thread: for tests, which also decide when repeats run. */
    public Admissions(RequestState state, CostCalculator costs, CandidateCatalog candidates, StateOutagePolicy policy,
                      StateOutages outages, Clock clock, SettlementRepeats repeats) {
        this(state, costs, candidates, policy, outages, clock, Runnable::run, repeats);
    }

    /** The admission of one request of {@code promptTokens} that may answer with up to {@code maxTokens}. */
    public RequestAdmission open(Caller caller, int promptTokens, int maxTokens) {
        return new RequestAdmission(this, caller, promptTokens, maxTokens);
    }

    /**
     * Gives back, off the request's thread, what a reservation whose write ended uncertain may hold;
     * logged when even that fails (the reservation then stays held until its window or period ends).
     */
    void releaseLater(UncertainReservation uncertain) {
        try {
            releaser.execute(() -> {
                try {
                    state.releaseUncertain(uncertain);
                } catch (StateUnavailableException e) {
                    // The repeat landed and its reconcile to nothing failed: that reconcile is repeated.
                    e.unsettled().ifPresentOrElse(repeats::repeatLater, () -> LOG.error(
                            "an uncertain reservation of {} could not be released and may stay held: {}",
                            uncertain.request().principal(), e.getMessage()));
                } catch (RuntimeException e) {
                    LOG.error("an uncertain reservation of {} could not be released and may stay held: {}",
                            uncertain.request().principal(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.error("an uncertain reservation could not be queued for release and may stay held");
        }
    }

    /** Repeats, off the request's thread, a settlement whose write failed (see {@link SettlementRepeats}). */
    void settleLater(UnsettledSettlement unsettled) {
        repeats.repeatLater(unsettled);
    }

    RequestState state() {
        return state;
    }

    CostCalculator costs() {
        return costs;
    }

    CandidateCatalog candidates() {
        return candidates;
    }

    StateOutagePolicy policy() {
        return policy;
    }

    StateOutages outages() {
        return outages;
    }

    Clock clock() {
        return clock;
    }
}
