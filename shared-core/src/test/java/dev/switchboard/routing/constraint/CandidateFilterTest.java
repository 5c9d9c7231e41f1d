package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Candidate;
import dev.switchboard.routing.Exclusion;
import dev.switchboard.routing.RoutingFixtures.ConstraintsBuilder;
import dev.switchboard.routing.RoutingRequest;
import dev.switchboard.routing.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.switchboard.routing.RoutingFixtures.candidate;
import static dev.switchboard.routing.RoutingFixtures.constraints;
import static dev.switchboard.routing.RoutingFixtures.contextOf;
import static dev.switchboard.routing.RoutingFixtures.requestFor;
import static dev.switchboard.routing.RoutingFixtures.unpriced;
import static dev.switchboard.routing.RoutingFixtures.with;
import static dev.switchboard.routing.scoring.ScoringFixtures.signals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CandidateFilterTest {

    private static final Candidate FLASH = candidate("gemini/flash", Tier.ECONOMY, 1e-6);
    private static final Candidate MINI = candidate("openai/mini", Tier.ECONOMY, 2e-6);
    private static final Candidate GPT = candidate("openai/gpt-4o", Tier.PREMIUM, 1e-5);
    private static final Candidate HAIKU = candidate("anthropic/haiku", Tier.STANDARD, 4e-6);

    @Test
    void withoutConstraintsEveryoneIsAdmittedInOrder() {
        Admission admission = CandidateFilter.STANDARD.admit(requestFor(GPT, FLASH, MINI).build());

        assertEquals(List.of(GPT, FLASH, MINI), admission.admitted());
        assertEquals(List.of(), admission.excluded());
    }

    @Test
    void leftOutCandidatesAreNamedByLabelWithTheirReasonAndTheRestKeepTheirOrder() {
        RoutingRequest request = requestFor(GPT, FLASH, HAIKU, MINI)
                .constraints(constraints().deny("openai")).build();

        Admission admission = CandidateFilter.STANDARD.admit(request);

        assertEquals(List.of(FLASH, HAIKU), admission.admitted());
        assertEquals(List.of(new Exclusion("openai/gpt-4o", "is on the request's deny list"),
                new Exclusion("openai/mini", "is on the request's deny list")), admission.excluded());
    }

    @Test
    void aCandidateFailingSeveralRulesIsLeftOutForTheFirstInStandardOrder() {
        // Without tools, unpriced and slow: with a 10-token window it also fails the context rule.
        Candidate roomy = unpriced("local/llama", Tier.ECONOMY);
        Candidate cramped = with(roomy, contextOf(10));

        assertEquals("is on the request's deny list",
                onlyReason(cramped, constraints().deny("local").tools().maxCost(1).sla(100)));
        assertEquals("does not support tools", onlyReason(cramped, constraints().tools().maxCost(1).sla(100)));
        assertEquals("context window of 10 tokens is smaller than the 1100 this request needs (prompt plus max_tokens)",
                onlyReason(cramped, constraints().maxCost(1).sla(100)));
        assertEquals("has no known price, so a cost budget of $1 cannot be guaranteed",
                onlyReason(roomy, constraints().maxCost(1).sla(100)));
        assertEquals("p95 latency of 9000 ms is over the SLA target of 100 ms", onlyReason(roomy, constraints().sla(100)));
    }

    @Test
    void aCustomFilterAppliesOnlyItsOwnRules() {
        CandidateFilter cheapOnly = new CandidateFilter(List.of(
                (candidate, request) -> candidate.unitPrice() > 5e-6 ? Optional.of("too dear") : Optional.empty()));

        Admission admission = cheapOnly.admit(requestFor(GPT, FLASH).constraints(constraints().deny("gemini")).build());

        assertEquals(List.of(FLASH), admission.admitted(), "the deny list is not among its rules");
        assertEquals(List.of(new Exclusion("openai/gpt-4o", "too dear")), admission.excluded());
    }

    @Test
    void everyoneMayBeLeftOut() {
        Admission admission = CandidateFilter.STANDARD.admit(requestFor(GPT, FLASH)
                .constraints(constraints().allow("anthropic")).build());

        assertEquals(List.of(), admission.admitted());
        assertEquals(List.of("openai/gpt-4o", "gemini/flash"),
                admission.excluded().stream().map(Exclusion::candidate).toList());
    }

    private static String onlyReason(Candidate candidate, ConstraintsBuilder constraints) {
        Admission admission = CandidateFilter.STANDARD.admit(requestFor(candidate)
                .signals(candidate, signals().p95(9_000)).constraints(constraints).build());
        assertEquals(List.of(), admission.admitted());
        assertEquals(1, admission.excluded().size());
        return admission.excluded().get(0).reason();
    }
}
