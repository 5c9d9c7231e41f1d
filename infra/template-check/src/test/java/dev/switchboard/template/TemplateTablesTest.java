package dev.switchboard.template;

import dev.switchboard.state.dynamodb.SwitchboardTables;
import dev.switchboard.state.dynamodb.TableDefinition;
import org.junit.jupiter.api.Test;

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
 * billing; point-in-time recovery and deletion protection on in prod for the state table (it holds budgets
 * and keys).
 */
class TemplateTablesTest {

    static final String PREFIX = "switchboard-${Environment}-";

    @Test
    void everyTableTheCodeUsesIsDeclaredAsTheCodeDefinesItAndNoOther() {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        SamTemplate.load().ofType("AWS::DynamoDB::Table").forEach((id, p) -> tables.put(logicalName(p.get("TableName")), p));

        assertEquals(SwitchboardTables.ALL.stream().map(TableDefinition::logicalName).collect(Collectors.toSet()),
                tables.keySet(), "tables in template.yaml (by the name after " + PREFIX + ")");
        for (TableDefinition table : SwitchboardTables.ALL) {
            Map<String, Object> p = tables.get(table.logicalName());
            assertEquals("PAY_PER_REQUEST", p.get("BillingMode"), table.logicalName());
            assertEquals(keys(table), keySchema(p), table.logicalName() + " key schema");
            assertEquals(keys(table).keySet(), stringAttributes(p), table.logicalName() + " attribute definitions");
            assertEquals(Map.of("AttributeName", table.ttlAttribute(), "Enabled", true),
                    p.get("TimeToLiveSpecification"), table.logicalName() + " TTL");
        }
        Map<String, Object> state = tables.get(SwitchboardTables.STATE.logicalName());
        Map<String, Object> onlyInProd = Map.of("Fn::If", List.of("IsProd", true, false));
        assertEquals(Map.of("PointInTimeRecoveryEnabled", onlyInProd), state.get("PointInTimeRecoverySpecification"),
                "point-in-time recovery in prod");
        assertEquals(onlyInProd, state.get("DeletionProtectionEnabled"), "deletion protection in prod");
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "Environment"), "prod")),
                SamTemplate.load().conditions().get("IsProd"));
    }

    /** "state" for a TableName of !Sub switchboard-${Environment}-state. */
    static String logicalName(Object tableName) {
        Object sub = tableName instanceof Map<?, ?> m ? m.get("Fn::Sub") : null;
        assertTrue(sub instanceof String s && s.startsWith(PREFIX), "table named " + tableName);
        return ((String) sub).substring(PREFIX.length());
    }

    private static Map<String, String> keys(TableDefinition table) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey(), "HASH");
        if (table.sortKey() != null) {
            keys.put(table.sortKey(), "RANGE");
        }
        return keys;
    }

    private static Map<String, String> keySchema(Map<String, Object> properties) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Object k : SamTemplate.list(properties.get("KeySchema"))) {
            Map<String, Object> key = SamTemplate.map(k);
            keys.put((String) key.get("AttributeName"), (String) key.get("KeyType"));
        }
        return keys;
    }

    private static Set<String> stringAttributes(Map<String, Object> properties) {
        List<Map<String, Object>> definitions = SamTemplate.list(properties.get("AttributeDefinitions")).stream()
                .map(d -> SamTemplate.<Object>map(d)).toList();
        assertTrue(definitions.stream().allMatch(d -> "S".equals(d.get("AttributeType"))), "string keys only");
        return definitions.stream().map(d -> (String) d.get("AttributeName")).collect(Collectors.toSet());
    }
}
