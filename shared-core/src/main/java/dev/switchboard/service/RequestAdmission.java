package dev.switchboard.service;

import dev.switchboard.api.CapacityExhaustedException;
import dev.switchboard.api.DeploymentsFailedException;
import dev.switchboard.api.StateStoreUnavailableException;
import dev.switchboard.cost.Cost;
import dev.switchboard.provider.Usage;
import dev.switchboard.resilience.Attempt;
import dev.switchboard.resilience.CallGate;
import dev.switchboard.routing.Candidate;
import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.CacheKey;
import dev.switchboard.state.CachedResponse;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.Reservation;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request's admission, as the fallback chain walks its candidates: before each call it reserves
 * the deployment's window, the key's window and the principal's budget (the prompt plus the most the
 * answer may use, at the candidate's prices); after it, it settles the reservation with the real
 * figures together with the call's latency.
 *
 * <p>A deployment whose window is full is passed over, like an open circuit, and the next candidate
 * is tried; so is one whose most expensive answer would not fit what is left of the budget, since a
 * cheaper deployment further down may still fit. A request that no deployment had room for is
 * refused: with 429 and the soonest window's end when a window refused any of them (waiting a minute
 * helps), else with 402 naming the budget. A request larger than a limit itself (a deployment's whole
 * window, the key's, a whole budget) is a 400 instead, since no wait would let it in. The key's own
 * window belongs to the caller, not to a deployment: it refuses the whole request (429). A store outage follows the {@link StateOutagePolicy}; once the store has
 * failed in a request, the request makes no further state call, so an outage costs it one timeout.
 */
public final class RequestAdmission implements CallGate {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAdmission.class);
    /** The attempt reason of a deployment passed over because its window had no room. */
    public static final String RATE_LIMIT_REACHED = "rate_limit_reached";
    /** The attempt reason of a deployment passed over because its answer could cost more than the budget has left. */
    public static final String OVER_BUDGET = "over_budget";
    /** The attempt reason of a deployment passed over because the request is larger than its whole window. */
    public static final String REQUEST_EXCEEDS_LIMIT = "request_exceeds_limit";

    private final Admissions context;
    private final Caller caller;
    private final int promptTokens;
    /** The answer budget each deployment is sent, which its reservation holds. */
    private final ToIntFunction<Candidate> budget;
    /** Whether the prompt carries audio, which some models bill above text. */
    private final boolean audio;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile Duration soonestRoom;
    /** The budget refusal of the cheapest candidate refused by a budget: what a 402 quotes. */
    private volatile Refusal.OverBudget cheapestOverBudget;
    /** Of the deployments whose whole window is smaller than the request, the one with the largest. */
    private volatile Refusal.RateLimited largestTooSmall;
    private volatile boolean anyAdmitted;
    private volatile boolean stateDown;

    /** What a called candidate holds: its reservation (null when let through unchecked) and when it was let in. */
    private record Held(Reservation reservation, Instant enteredAt) {
    }

    RequestAdmission(Admissions context, Caller caller, int promptTokens, ToIntFunction<Candidate> budget,
                     boolean audio) {
        this.context = context;
        this.caller = caller;
        this.promptTokens = promptTokens;
        this.budget = budget;
        this.audio = audio;
    }

    /**
     * The principal's spend so far today and the cached answer under {@code cacheKey} (null: none asked
     * for), read before the request is sent; null when the state cannot be reached (the request then
     * goes on, uncached, only if the outage policy lets it through).
     */
    public StateLookup lookup(CacheKey cacheKey) {
        try {
            StateLookup lookup = context.state().lookup(caller.principal(), context.clock().instant(), cacheKey);
            context.outages().succeeded();
            return lookup;
        } catch (StateUnavailableException e) {
            markDown("lookup", e);
            if (!context.policy().letsThrough()) {
                throw unavailable();
            }
            return null;
        }
    }

    @Override
    public Optional<String> enter(Candidate candidate) {
        Instant now = context.clock().instant();
        Reservation reservation = null;
        if (!stateDown) {
            try {
                AdmissionRequest asked = request(candidate);
                Admission admission = context.state().reserve(asked);
                context.outages().succeeded();
                if (admission instanceof Admission.Refused refused) {
                    return refusedBy(candidate, tooLargeOrAsGiven(refused.refusal(), asked));
                }
                reservation = ((Admission.Admitted) admission).reservation();
            } catch (StateUnavailableException e) {
                e.uncertain().ifPresent(context::releaseLater);
                markDown("reserve", e);
                if (!context.policy().letsThrough()) {
                    throw unavailable();
                }
            }
        } else if (!context.policy().letsThrough()) {
            throw unavailable();
        }
        anyAdmitted = true;
        held.put(candidate.label(), new Held(reservation, now));
        return Optional.empty();
    }

    @Override
    public void failed(Candidate candidate, Attempt attempt) {
        // Nothing was answered, so nothing was billed: the estimates are given back, the request stays counted.
        // Only the deployment's own failures count in its success rate; a 400 says nothing about it.
        settle(candidate, 0, BigDecimal.ZERO, false, attempt.deploymentFault(), attempt.beforeLastTry(), null, null);
    }

    /**
     * The candidate answered: its reservation becomes the real usage and cost, and the answer is cached
     * under {@code cacheKey} unless that is null. {@code beforeAnsweringTry}, spent waiting between its tries and on
     * the tries that failed, is not its latency: a Retry-After of 8 s, or a 60 s timeout, before a quick answer
     * would otherwise count as a slow answer.
     */
    public void answered(Candidate candidate, Duration beforeAnsweringTry, Usage usage, Cost cost, CacheKey cacheKey,
                         CachedResponse answer) {
        settle(candidate, tokens(usage), usd(cost), true, true, beforeAnsweringTry, cacheKey,
                cacheKey == null ? null : answer);
    }

    /**
     * The candidate's stream ended early: billed for what it sent ({@code usage}, estimated). A stream the
     * deployment broke counts as its failure; one the caller left says nothing of the deployment.
     */
    public void unfinished(Candidate candidate, Usage usage, Cost cost, boolean deploymentFailed) {
        settle(candidate, tokens(usage), usd(cost), false, deploymentFailed, Duration.ZERO, null, null);
    }

    /**
     * What to throw when the chain found nobody to answer: when no candidate was called because each
     * was refused, 429 if a window refused any (the soonest end), else 402 naming the budget, else 400
     * when the request is larger than every window it met; when some were called, the chain's own failure.
     * A budget the request exceeds on its own is a 400 too: no wait would let it in.
     */
    public RuntimeException whenNoneAnswered(RuntimeException chainFailure) {
        if (anyAdmitted) {
            return chainFailure;
        }
        Duration wait = soonestRoom;
        if (wait != null) {
            return new CapacityExhaustedException("Every deployment able to answer this request has reached its "
                    + "rate limit for this minute", wait);
        }
        Refusal.OverBudget over = cheapestOverBudget;
        if (over != null) {
            return RefusalMessages.exception(over, caller);
        }
        Refusal.RateLimited tooSmall = largestTooSmall;
        return tooSmall != null && everyOneTriedTooSmall(chainFailure)
                ? RefusalMessages.tooLargeForEveryDeployment(tooSmall) : chainFailure;
    }

    /**
     * Whether every deployment the chain tried was passed over as smaller than the request: one passed over for
     * another reason (its circuit open) may take it later, so the request is not one that can never be admitted.
     */
    private static boolean everyOneTriedTooSmall(RuntimeException chainFailure) {
        return !(chainFailure instanceof DeploymentsFailedException failed) || failed.tried().stream()
                .allMatch(tried -> Attempt.describedAs(tried, REQUEST_EXCEEDS_LIMIT));
    }

    private AdmissionRequest request(Candidate candidate) {
        int maxTokens = budget.applyAsInt(candidate);
        // The most the call can cost, a whole prompt written to the provider's cache (or, carrying audio, billed as
        // audio) and a whole answer thought included: the budget holds whatever the answer turns out to be (an unpriced candidate's ceiling is 0).
        BigDecimal maxCost = BigDecimal.valueOf(candidate.costUpperBound(promptTokens, maxTokens, audio));
        return new AdmissionRequest(candidate.label(), context.candidates().limits(candidate.label()),
                caller.keyId(), caller.limits(), caller.principal(), caller.caps(),
                (long) promptTokens + maxTokens, maxCost);
    }

    /**
     * A deployment refused for its full requests-per-minute window whose tokens-per-minute window is smaller
     * than the request is refused for that: no wait would let the request in there.
     */
    /**
     * The refusal to report: one no wait would lift when the request could never be admitted, whichever of its
     * increments the store happened to refuse first (the key's requests before its tokens, the month before the
     * day), so that such a request is a 400, not a 429 or 402 with a Retry-After that would not help.
     */
    private static Refusal tooLargeOrAsGiven(Refusal refusal, AdmissionRequest asked) {
        Long keyTokens = asked.keyLimits().tokensPerMinute();
        if (asked.keyLimited() && keyTokens != null && asked.estimatedTokens() > keyTokens) {
            return new Refusal.RateLimited(Refusal.RateScope.KEY, Refusal.RateMeasure.TOKENS, keyTokens, 0,
                    asked.estimatedTokens(), refusal.retryAfter());
        }
        BigDecimal daily = asked.budget().dailyUsd();
        if (daily != null && asked.maxCostUsd().compareTo(daily) > 0) {
            return new Refusal.OverBudget(Refusal.BudgetPeriod.DAILY, daily, BigDecimal.ZERO, asked.maxCostUsd(),
                    refusal.retryAfter());
        }
        BigDecimal monthly = asked.budget().monthlyUsd();
        if (monthly != null && asked.maxCostUsd().compareTo(monthly) > 0) {
            return new Refusal.OverBudget(Refusal.BudgetPeriod.MONTHLY, monthly, BigDecimal.ZERO, asked.maxCostUsd(),
                    refusal.retryAfter());
        }
        Long tokensPerMinute = asked.deploymentLimits().tokensPerMinute();
        if (refusal instanceof Refusal.RateLimited limited && limited.scope() == Refusal.RateScope.DEPLOYMENT
                && limited.measure() == Refusal.RateMeasure.REQUESTS && tokensPerMinute != null
                && asked.estimatedTokens() > tokensPerMinute) {
            return new Refusal.RateLimited(Refusal.RateScope.DEPLOYMENT, Refusal.RateMeasure.TOKENS, tokensPerMinute,
                    0, asked.estimatedTokens(), limited.retryAfter());
        }
        return refusal;
    }

    private Optional<String> refusedBy(Candidate candidate, Refusal refusal) {
        if (refusal instanceof Refusal.RateLimited limited && limited.scope() == Refusal.RateScope.DEPLOYMENT
                && limited.asked() > limited.limit()) {
            // Waiting would not help this deployment: its window is smaller than the request.
            Refusal.RateLimited largest = largestTooSmall;
            if (largest == null || limited.limit() > largest.limit()) {
                largestTooSmall = limited;
            }
            return Optional.of(REQUEST_EXCEEDS_LIMIT);
        }
        if (refusal instanceof Refusal.RateLimited limited && limited.scope() == Refusal.RateScope.DEPLOYMENT) {
            Duration wait = soonestRoom;
            if (wait == null || limited.retryAfter().compareTo(wait) < 0) {
                soonestRoom = limited.retryAfter();
            }
            LOG.debug("deployment {} passed over: its {} per minute limit of {} is reached", candidate.label(),
                    limited.measure().name().toLowerCase(), limited.limit());
            return Optional.of(RATE_LIMIT_REACHED);
        }
        if (refusal instanceof Refusal.OverBudget over) {
            Refusal.OverBudget cheapest = cheapestOverBudget;
            if (cheapest == null || over.askedUsd().compareTo(cheapest.askedUsd()) < 0) {
                cheapestOverBudget = over;
            }
            return Optional.of(OVER_BUDGET);
        }
        throw RefusalMessages.exception(refusal, caller);
    }

    /** Whether {@code candidate} was let in and is not settled yet. */
    boolean unsettled(Candidate candidate) {
        return held.containsKey(candidate.label());
    }

    private void settle(Candidate candidate, long tokens, BigDecimal cost, boolean success, boolean recordLatency,
                        Duration beforeLastTry, CacheKey cacheKey, CachedResponse answer) {
        Held h = held.remove(candidate.label());
        if (h == null || stateDown) {
            return;
        }
        Instant now = context.clock().instant();
        Duration latency = null;
        if (recordLatency) {
            Duration lastTry = Duration.between(h.enteredAt(), now).minus(beforeLastTry);
            latency = lastTry.isNegative() ? Duration.ZERO : lastTry;
        }
        try {
            context.state().settle(new Settlement(h.reservation(), tokens, cost, candidate.label(), latency,
                    success, now, cacheKey, answer));
        } catch (StateUnavailableException e) {
            // The answer stands; the reservation stays at its estimate, which errs on the safe side, until
            // the settlement is written by a repeat.
            e.unsettled().ifPresent(context::settleLater);
            markDown("settle", e);
        }
    }

    private void markDown(String operation, StateUnavailableException e) {
        stateDown = true;
        context.outages().failed(operation, e.getMessage());
    }

    private StateStoreUnavailableException unavailable() {
        return new StateStoreUnavailableException("Budgets and rate limits cannot be checked right now; "
                + "the request was not sent. Try again shortly");
    }

    private static long tokens(Usage usage) {
        return (long) usage.inputTokens() + usage.outputTokens();
    }

    private static BigDecimal usd(Cost cost) {
        return cost.priced() ? BigDecimal.valueOf(cost.usd()) : BigDecimal.ZERO;
    }
}
