package dev.switchboard.routing.constraint;

import dev.switchboard.routing.Capability;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller demands of the deployment that answers: capabilities beyond text ({@code needs}: tools,
 * images, streaming, JSON output, PDF files, a reasoning effort, audio), a cost ceiling for this request in
 * USD, a latency target, and lists of providers or deployments to allow or deny (each entry a provider name,
 * a model, or "provider/model"). The context window needed is not here: it follows from the prompt and the
 * answer budget.
 *
 * @param maxCostUsd  the most the request may cost, or null for no ceiling
 * @param slaTargetMs the p95 latency a deployment must be within, or null for none
 * @param allow       when not empty, only these may answer
 * @param deny        these may not answer
 * @param answerBudgetFitted true when the answer budget is the gateway's default, fitted to each deployment
 *                    (its longest answer, the room its window leaves): such a budget leaves no deployment
 *                    out; false when the caller set it, and a deployment must be able to give all of it
 * @param keyModels   when not empty, the caller's key may use only these (entries as in {@code allow}); the
 *                    admin's word, which the request's own lists narrow further but cannot widen
 */
public record RequestConstraints(Set<Capability> needs, Double maxCostUsd, Long slaTargetMs, Set<String> allow,
                                 Set<String> deny, boolean answerBudgetFitted, Set<String> keyModels) {

    public static final RequestConstraints NONE = new RequestConstraints(false, false, false, null, null, Set.of(),
            Set.of());

    public RequestConstraints {
        Objects.requireNonNull(needs, "needs");
        needs = needs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(needs));
        if (maxCostUsd != null && !(maxCostUsd >= 0 && Double.isFinite(maxCostUsd))) {
            throw new IllegalArgumentException("max cost must be a finite number of USD of at least 0: " + maxCostUsd);
        }
        if (slaTargetMs != null && slaTargetMs < 1) {
            throw new IllegalArgumentException("SLA target must be at least 1 ms: " + slaTargetMs);
        }
        allow = Set.copyOf(Objects.requireNonNull(allow, "allow"));
        deny = Set.copyOf(Objects.requireNonNull(deny, "deny"));
        for (String entry : allow) {
            requireName("allow", entry);
        }
        for (String entry : deny) {
            requireName("deny", entry);
        }
        keyModels = Set.copyOf(Objects.requireNonNull(keyModels, "keyModels"));
        for (String entry : keyModels) {
            requireName("key models", entry);
        }
    }

    /** Constraints of a caller whose key may use every model. */
    public RequestConstraints(Set<Capability> needs, Double maxCostUsd, Long slaTargetMs, Set<String> allow,
                              Set<String> deny, boolean answerBudgetFitted) {
        this(needs, maxCostUsd, slaTargetMs, allow, deny, answerBudgetFitted, Set.of());
    }

    /** Constraints of a request whose budget its caller set, and that needs at most tools, images and streaming. */
    public RequestConstraints(boolean needsTools, boolean needsVision, boolean needsStreaming, Double maxCostUsd,
                              Long slaTargetMs, Set<String> allow, Set<String> deny) {
        this(needsTools, needsVision, needsStreaming, maxCostUsd, slaTargetMs, allow, deny, false);
    }

    /** Constraints of a request that needs at most tools, images and streaming. */
    public RequestConstraints(boolean needsTools, boolean needsVision, boolean needsStreaming, Double maxCostUsd,
                              Long slaTargetMs, Set<String> allow, Set<String> deny, boolean answerBudgetFitted) {
        this(needs(needsTools, needsVision, needsStreaming), maxCostUsd, slaTargetMs, allow, deny, answerBudgetFitted);
    }

    private static Set<Capability> needs(boolean tools, boolean vision, boolean streaming) {
        Set<Capability> needs = EnumSet.noneOf(Capability.class);
        if (tools) {
            needs.add(Capability.TOOLS);
        }
        if (vision) {
            needs.add(Capability.VISION);
        }
        if (streaming) {
            needs.add(Capability.STREAMING);
        }
        return needs;
    }

    public boolean isNone() {
        return equals(NONE);
    }

    private static void requireName(String list, String entry) {
        if (entry.isBlank()) {
            throw new IllegalArgumentException(list + " list entries must not be blank");
        }
    }
}
