package dev.switchboard.service;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings the start-up warning knows are the ones the README's Configuration table lists. */
class KnownSettingsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theReadmeListsEverySettingAndNoOther() throws IOException {
        Set<String> known = KnownSettings.documentedVariables();
        Set<String> listed = new TreeSet<>();
        for (String row : configurationRows()) {
            String names = row.split("\\|")[1];
            String full = null;
            Matcher code = CODE.matcher(names);
            while (code.find()) {
                String name = code.group(1);
                if (!name.startsWith("_")) {
                    full = name;
                    if (UnknownSettingsWarning.PREFIXES.stream().anyMatch(name::startsWith)) {
                        listed.add(name);
                    }
                    continue;
                }
                // "`SWITCHBOARD_LEDGER_CONNECT_TIMEOUT`, `_QUERY_TIMEOUT`": a setting beside the one before it, the
                // one sharing the longest stem with it (_PREMIUM_FROM after ..._LEARNING_STANDARD_FROM is
                // ..._LEARNING_PREMIUM_FROM, not ..._ROUTING_PREMIUM_FROM).
                String meant = null;
                for (String variable : known) {
                    String stem = variable.substring(0, Math.max(0, variable.length() - name.length()));
                    if (variable.endsWith(name) && full != null && full.startsWith(stem)
                            && (meant == null || stem.length() > meant.length() - name.length())) {
                        meant = variable;
                    }
                }
                assertNotNull(meant, name + " after " + full + " names no setting");
                listed.add(meant);
            }
        }
        assertEquals(known, listed);
    }

    @Test
    void everySettingIsAVariableOfItsOwn() {
        assertFalse(KnownSettings.documentedVariables().contains("SWITCHBOARD_LOCAL_GATEWAY_LOOPBACK_HOSTS_ONLY"));
        assertTrue(KnownSettings.variables().contains("SWITCHBOARD_LOCAL_GATEWAY_LOOPBACK_HOSTS_ONLY"),
                "the local gateway's own setting is known, though not listed");
        assertTrue(KnownSettings.documentedVariables().containsAll(List.of("SWITCHBOARD_CACHE_TTL", "SLA_HIGH_MS",
                "WEIGHT_COST", "SWITCHBOARD_BASELINE_MODEL", "SWITCHBOARD_LEDGER_PASSWORD")));
    }

    private static List<String> configurationRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int table = lines.indexOf("## Configuration") + 2;
        List<String> rows = lines.subList(table, lines.size()).stream().takeWhile(line -> line.startsWith("|"))
                .skip(2).toList();
        assertTrue(rows.size() > 30, "the Configuration table, read from the README: " + rows.size() + " rows");
        return rows;
    }
}
