package dev.switchboard.service;

import dev.switchboard.cost.CostCalculator;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.UncertainReservation;
import dev.switchboard.state.UnsettledSettlement;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.ToIntFunction;

/** Opens each request's {@link RequestAdmission} over the shared state, prices and outage policy. */
@Singleton
public class Admissions {

    private final RequestState state;
    private final CostCalculator costs;
    private final CandidateCatalog candidates;
    private final StateOutagePolicy policy;
    private final StateOutages outages;
    private final Clock clock;
    private final SettlementRepeats repeats;

    @Inject
    public Admissions(RequestState state, CostCalculator costs, CandidateCatalog candidates, StateOutagePolicy policy,
                      StateOutages outages, Clock clock, SettlementRepeats repeats) {
        this.repeats = repeats;
        this.state = state;
        this.costs = costs;
        this.candidates = candidates;
        this.policy = policy;
        this.outages = outages;
        this.clock = clock;
    }

    /** The admission of one request of {@code promptTokens} that may answer with up to {@code maxTokens}. */
    public RequestAdmission open(Caller caller, int promptTokens, int maxTokens) {
        return new RequestAdmission(this, caller, promptTokens, candidate -> maxTokens, false);
    }

    /** As above, for a request whose answer budget depends on the deployment ({@code budget}: what it is sent). */
    public RequestAdmission open(Caller caller, int promptTokens, ToIntFunction<Candidate> budget) {
        return open(caller, promptTokens, budget, false);
    }

    /** As above, for a prompt that carries audio ({@code audio}), which some models bill above text. */
    public RequestAdmission open(Caller caller, int promptTokens, ToIntFunction<Candidate> budget, boolean audio) {
        return new RequestAdmission(this, caller, promptTokens, budget, audio);
    }

    /**
     * Gives back, off the request's thread and repeated after failures as settlements are (see
     * {@link UncertainRelease}), what a reservation whose write ended uncertain may hold.
     */
    void releaseLater(UncertainReservation uncertain) {
        repeats.repeatLater(new UncertainRelease(state::releaseUncertain, uncertain));
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
