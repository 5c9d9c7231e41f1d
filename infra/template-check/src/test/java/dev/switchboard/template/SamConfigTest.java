package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * samconfig.toml deploys each environment of the template to its own stack, with parameters the
 * template declares and values it accepts. (Its TOML is the flat subset SAM writes: sections of
 * {@code key = "string"}, {@code key = true} lines; read here line by line.)
 */
class SamConfigTest {

    private static final Pattern SECTION = Pattern.compile("^\\[([\\w.-]+)]$");
    private static final Pattern ENTRY = Pattern.compile("^(\\w+)\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|[\\d.]+)$");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minutes?|hours?)\\)");
    private static final Pattern OVERRIDE = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void eachEnvironmentDeploysItsOwnStackWithParametersTheTemplateAccepts() throws IOException {
        Map<String, Map<String, String>> sections = read();
        List<Object> environments = SamTemplate.list(
                SamTemplate.<Object>map(SamTemplate.load().parameters().get("Environment")).get("AllowedValues"));
        for (String environment : environments.stream().map(String::valueOf).toList()) {
            Map<String, String> deploy = sections.get(environment + ".deploy.parameters");
            assertNotNull(deploy, "no [" + environment + ".deploy.parameters] section");
            assertEquals("switchboard-" + environment, deploy.get("stack_name"), environment + " stack");
            assertEquals("CAPABILITY_IAM", deploy.get("capabilities"), environment + " capabilities");
            assertEquals("template.yaml", deploy.get("template_file"),
                    environment + ": this template, not a stale .aws-sam/build one");
            assertTrue(deploy.containsKey("region"), environment + " region");
            Map<String, String> overrides = overrides(deploy.get("parameter_overrides"));
            assertEquals(environment, overrides.get("Environment"), environment);
            overrides.forEach((name, value) -> accepts(name, value, environment));
            assertEquals("switchboard/" + environment + "/ledger", overrides.get("LedgerCredentialsSecret"), environment);
            assertTrue(overrides.containsKey("ConfigRevision"), environment + ": the revision to change with a parameter");
            probeRunsEndBeforeTheNextStarts(overrides.get("ProbeSchedule"), environment);
        }
        assertEquals(Set.copyOf(environments.stream().map(e -> e + ".deploy.parameters").toList()), sections.keySet());
    }

    private static void probeRunsEndBeforeTheNextStarts(String schedule, String environment) {
        Matcher rate = RATE.matcher(String.valueOf(schedule));
        assertTrue(rate.matches(), environment + ": a rate the check can read, not " + schedule);
        long period = Long.parseLong(rate.group(1)) * (rate.group(2).startsWith("minute") ? 60 : 3600);
        Object timeout = SamTemplate.load().functions().get("HealthProbeFunction").get("Timeout");
        assertTrue(((Integer) timeout) < period, environment + ": a probe run of up to " + timeout
                + " s would overlap the next, " + period + " s later");
    }

    private static void accepts(String name, String value, String environment) {
        Object declared = SamTemplate.load().parameters().get(name);
        assertNotNull(declared, environment + ": the template has no parameter " + name);
        Map<String, Object> parameter = SamTemplate.map(declared);
        if (parameter.get("AllowedValues") instanceof List<?> allowed) {
            assertTrue(allowed.stream().map(String::valueOf).toList().contains(value), environment + ": " + name + "=" + value);
        }
        if (parameter.get("AllowedPattern") instanceof String pattern) {
            assertTrue(value.matches(pattern), environment + ": " + name + "=" + value + " does not match " + pattern);
        }
    }

    private static Map<String, String> overrides(String text) {
        assertNotNull(text, "parameter_overrides");
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = OVERRIDE.matcher(text);
        int end = 0;
        while (m.find()) {
            assertTrue(text.substring(end, m.start()).isBlank(), "unreadable parameter_overrides: " + text);
            values.put(m.group(1), m.group(2));
            end = m.end();
        }
        assertTrue(text.substring(end).isBlank(), "unreadable parameter_overrides: " + text);
        return values;
    }

    private static Map<String, Map<String, String>> read() throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : Files.readAllLines(SamTemplate.REPOSITORY.resolve("samconfig.toml"))) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("version")) {
                continue;
            }
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = new LinkedHashMap<>();
                sections.put(section.group(1), current);
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            assertTrue(entry.matches() && current != null, "unreadable line: " + raw);
            String value = entry.group(2);
            current.put(entry.group(1), value.startsWith("\"")
                    ? value.substring(1, value.length() - 1).replace("\\\"", "\"") : value);
        }
        return sections;
    }
}
