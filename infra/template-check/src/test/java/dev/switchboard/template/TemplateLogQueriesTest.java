package dev.switchboard.template;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.switchboard.ledger.LedgerEntry;
import dev.switchboard.observability.RequestLogContext;
import dev.switchboard.observability.JsonLogEncoder;
import dev.switchboard.observability.RequestObserver;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saved Logs Insights queries read fields the request lines have, in log groups of the template, under
 * the environment's folder.
 */
class TemplateLogQueriesTest {

    private static final String QUERY = "AWS::Logs::QueryDefinition";
    /** Logs Insights' commands, functions and words, which are no field names. */
    private static final Set<String> WORDS = Set.of("filter", "fields", "stats", "sort", "limit", "by", "as", "asc",
            "desc", "and", "or", "not", "count", "sum", "avg", "min", "max", "ispresent", "bin", "like", "in");
    /** The fields Logs Insights gives every event. */
    private static final Set<String> SYSTEM_FIELDS = Set.of("@timestamp", "@message", "@logStream", "@log");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    private static final Pattern ALIAS = Pattern.compile("\\bas\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])@?[A-Za-z_][A-Za-z0-9_]*\\b");
    /** A comparison of a field with a text: what it compares, and with what. */
    private static final Pattern COMPARED = Pattern.compile("([a-z_]+)\\s*=\\s*\"([^\"]*)\"");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void everyQueryReadsFieldsOfTheRequestLinesOrOfEveryLine() {
        Set<String> fields = requestLineFields();
        assertTrue(template.ofType(QUERY).size() >= 4, "the saved queries");
        template.ofType(QUERY).forEach((id, query) -> {
            String text = STRING.matcher(String.valueOf(query.get("QueryString"))).replaceAll("\"\"");
            Set<String> aliases = new HashSet<>();
            Matcher alias = ALIAS.matcher(text);
            while (alias.find()) {
                aliases.add(alias.group(1));
            }
            Matcher name = NAME.matcher(text);
            while (name.find()) {
                String word = name.group();
                assertTrue(WORDS.contains(word) || aliases.contains(word) || fields.contains(word)
                        || SYSTEM_FIELDS.contains(word), id + " reads " + word + ", which no request line has: " + fields);
            }
        });
    }

    @Test
    void theTextsAQueryComparesWithAreValuesTheCodeWrites() {
        Map<String, Set<String>> values = Map.of("logger", Set.of(RequestObserver.LOGGER),
                "status", Set.of(LedgerEntry.OK, LedgerEntry.ERROR));
        template.ofType(QUERY).forEach((id, query) -> {
            Matcher compared = COMPARED.matcher(String.valueOf(query.get("QueryString")));
            while (compared.find()) {
                String field = compared.group(1);
                if (values.containsKey(field)) {
                    assertTrue(values.get(field).contains(compared.group(2)), id + ": " + compared.group());
                } else {
                    assertEquals(RequestLogContext.REQUEST_ID, field, id + ": compares " + field + " with a text");
                }
            }
        });
    }

    @Test
    void everyQueryIsInTheEnvironmentsFolderOverTheTemplatesLogGroups() {
        template.ofType(QUERY).forEach((id, query) -> {
            String name = String.valueOf(SamTemplate.<Object>map(query.get("Name")).get("Fn::Sub"));
            assertTrue(name.startsWith("switchboard/${Environment}/"), id + ": " + name);
            List<Object> groups = SamTemplate.list(query.get("LogGroupNames"));
            assertTrue(groups.contains(Map.of("Ref", "CompleteLogGroup")), id + ": the request lines' log group");
            groups.forEach(group -> assertEquals("AWS::Logs::LogGroup",
                    template.resources().get(SamTemplate.referencedId(group)).get("Type"), id));
        });
    }

    /**
     * The fields of a real "request completed" line as the JSON encoder writes it, of a failed request priced
     * and partly read from a provider's prompt cache (so that every optional field is there).
     */
    private static Set<String> requestLineFields() {
        List<ILoggingEvent> lines = LoggedEvents.of(RequestObserver.LOGGER, () ->
            RequestObserver.withoutMetrics().completed(new LedgerEntry("r1", Instant.parse("2026-11-30T10:00:00Z"),
                    "alice", "complete", "complexity", "medium", "general", 0.2, "anthropic", "claude-sonnet-4-5",
                    2021, 9, new BigDecimal("0.001"), new BigDecimal("0.01"), true, 40, false, false, 1,
                    LedgerEntry.ERROR, "timeout", "standard", "anthropic/claude-sonnet-4-5", null, null, null, true,
                    1700, 300), true));
        assertEquals(1, lines.size(), "one line per request");
        JsonNode line = parse(new JsonLogEncoder().line(lines.get(0)));
        Set<String> fields = new HashSet<>();
        line.entries().forEach(field -> fields.add(field.getKey()));
        assertTrue(fields.contains(RequestLogContext.REQUEST_ID) && fields.contains("cached_tokens_in"), fields.toString());
        return fields;
    }

    private static JsonNode parse(String line) {
        try {
            return JsonMapper.createDefault().readValue(line, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
