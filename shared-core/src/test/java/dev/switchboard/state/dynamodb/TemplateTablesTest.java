package dev.switchboard.state.dynamodb;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables of template.yaml are exactly those of {@link SwitchboardTables}: same names (after the
 * environment's prefix), string keys of the same names and kinds, the same TTL attribute, on-demand
 * billing; point-in-time recovery on in prod for the state table (it holds budgets and keys).
 */
class TemplateTablesTest {

    private static final Path TEMPLATE = Path.of("..", "template.yaml");

    @Test
    void everyTableTheCodeUsesIsDeclaredAsTheCodeDefinesItAndNoOther() throws IOException {
        Map<String, Map<String, Object>> tables = tables(read());

        assertEquals(SwitchboardTables.ALL.stream().map(TableDefinition::logicalName).collect(Collectors.toSet()),
                tables.keySet(), "tables in template.yaml (by the name after switchboard-${Environment}-)");
        for (TableDefinition table : SwitchboardTables.ALL) {
            Map<String, Object> p = tables.get(table.logicalName());
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), table.logicalName());
            assertEquals(keys(table), keySchema(p), table.logicalName() + " key schema");
            assertEquals(keys(table).keySet(), stringAttributes(p), table.logicalName() + " attribute definitions");
            assertEquals(Map.of("AttributeName", table.ttlAttribute(), "Enabled", true),
                    p.get("TimeToLiveSpecification"), table.logicalName() + " TTL");
        }
        Object recovery = tables.get(SwitchboardTables.STATE.logicalName()).get("PointInTimeRecoverySpecification");
        assertTrue(String.valueOf(recovery).contains("IsProd"), "point-in-time recovery in prod: " + recovery);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> tables(Map<String, Object> template) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        resources.forEach((id, value) -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                String name = String.valueOf(properties.get("TableName"));
                String prefix = "!Sub switchboard-${Environment}-";
                assertTrue(name.startsWith(prefix), id + " is named " + name);
                byName.put(name.substring(prefix.length()), properties);
            }
        });
        return byName;
    }

    private static Map<String, String> keys(TableDefinition table) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey(), "HASH");
        if (table.sortKey() != null) {
            keys.put(table.sortKey(), "RANGE");
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> keySchema(Map<String, Object> properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Map<String, Object> k : (List<Map<String, Object>>) properties.get("KeySchema")) {
            keys.put((String) k.get("AttributeName"), (String) k.get("KeyType"));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> stringAttributes(Map<String, Object> properties) {
        List<Map<String, Object>> definitions = (List<Map<String, Object>>) properties.get("AttributeDefinitions");
        assertTrue(definitions.stream().allMatch(d -> "S".equals(d.get("AttributeType"))), "string keys only");
        return definitions.stream().map(d -> (String) d.get("AttributeName")).collect(Collectors.toSet());
    }

    private static Map<String, Object> read() throws IOException {
        return new Yaml(new CloudFormationTags()).load(Files.readString(TEMPLATE));
    }

    /** Reads CloudFormation's short-form functions (!Sub, !Ref, !If, ...) as text: "!Sub value". */
    private static final class CloudFormationTags extends SafeConstructor {

        CloudFormationTags() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return node.getTag().getValue() + " " + text(node);
                }
            });
        }

        private String text(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return sequence.getValue().stream().map(this::text).toList().toString();
            }
            if (node instanceof MappingNode) {
                return "{...}";
            }
            return "";
        }
    }
}
