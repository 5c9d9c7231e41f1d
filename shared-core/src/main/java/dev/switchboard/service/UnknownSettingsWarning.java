package dev.switchboard.service;

import dev.switchboard.config.ProcessEnvironment;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names, at start-up, each variable that looks like one of Switchboard's settings and is none of them
 * ({@code SWITCHBOARD_CAHCE_TTL}), with the setting it most resembles. Micronaut binds such a variable to
 * nothing and says nothing, so a misspelt setting would leave its default in force unnoticed. A warning,
 * not a stop: the variable may be meant for something else. Values are never shown.
 */
@Context
public class UnknownSettingsWarning {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownSettingsWarning.class);
    /** The prefixes of the settings' variables (seed 000's scoring settings have no SWITCHBOARD_). */
    static final List<String> PREFIXES = List.of("SWITCHBOARD_", "SLA_", "WEIGHT_");
    /** Variables of the project's own that are no setting: the test harness's choice of AWS stand-ins. */
    static final Set<String> READ_ELSEWHERE = Set.of("SWITCHBOARD_TEST_BACKEND");
    /** The most edits at which a known setting is offered as the one meant. */
    private static final int MOST_EDITS = 3;

    @Inject
    public UnknownSettingsWarning(ProviderCatalog catalog) {
        warnings(ProcessEnvironment.current().variables().keySet(), catalog).forEach(LOG::warn);
    }

    /** One line for each of {@code names} that is not a setting, nor a configured provider's key, sorted. */
    static List<String> warnings(Collection<String> names, ProviderCatalog catalog) {
        Set<String> known = KnownSettings.variables();
        // A provider may be named switchboard-eu: its key's variable is SWITCHBOARD_EU_API_KEY.
        Set<String> providerKeys = catalog.providers().stream().map(ProviderConfig::apiKeyVariable)
                .collect(Collectors.toSet());
        return names.stream().sorted()
                .filter(name -> PREFIXES.stream().anyMatch(name::startsWith))
                .filter(name -> !known.contains(name) && !providerKeys.contains(name) && !READ_ELSEWHERE.contains(name))
                .map(name -> name + " is set but is not a Switchboard setting, so it changes nothing"
                        + closest(name, known).map(meant -> " (did you mean " + meant + "?)").orElse(""))
                .toList();
    }

    private static Optional<String> closest(String name, Set<String> known) {
        return known.stream().filter(candidate -> edits(name, candidate) <= MOST_EDITS)
                .min(Comparator.comparingInt((String candidate) -> edits(name, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from one to the other. */
    static int edits(String from, String to) {
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }
}
