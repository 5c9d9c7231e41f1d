package dev.switchboard.eval;

import java.util.List;

/**
 * Every router's result on one test group (a single --test path, or a pool of them).
 *
 * @param name           the row label
 * @param size           prompts in the group
 * @param weakAccuracy   accuracy of the weak model alone
 * @param strongAccuracy accuracy of the strong model alone
 * @param routers        in table order: random baseline, length baseline, then the chosen router
 */
public record GroupResult(String name, int size, double weakAccuracy, double strongAccuracy, List<RouterResult> routers) {

    public GroupResult {
        routers = List.copyOf(routers);
    }

    public RouterResult router(String label) {
        return routers.stream().filter(r -> r.router().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result for router " + label));
    }
}
