package dev.switchboard.eval;

import java.util.List;

/**
 * Everything one evaluation run measured.
 *
 * @param groups      one per --test path, then pools; the last is the pool of every test set
 * @param chosenLabel the row label of the router chosen with --router
 */
public record EvaluationResult(List<GroupResult> groups, String chosenLabel) {

    public EvaluationResult {
        groups = List.copyOf(groups);
    }

    public GroupResult pooled() {
        return groups.get(groups.size() - 1);
    }

    /** The chosen router on the pool of all test sets: what the contract's last line reports. */
    public RouterResult chosenOnPool() {
        return pooled().router(chosenLabel);
    }
}
