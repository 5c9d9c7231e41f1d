package dev.switchboard.template;

import dev.switchboard.state.dynamodb.DynamoDbHealthStore;
import dev.switchboard.state.dynamodb.DynamoDbVirtualKeyStore;
import dev.switchboard.state.dynamodb.StatePartitions;
import dev.switchboard.state.dynamodb.SwitchboardTables;
import dev.switchboard.state.dynamodb.TableDefinition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Least privilege: each function's inline policies grant exactly what its code uses ({@link FunctionAccess}),
 * on named resources only; the secrets the code reads are declared under the names it reads, carry no
 * value, and are granted; every DynamoDB action the code calls is granted somewhere and no other.
 */
class TemplateAccessTest {

    /**
     * Models in any region (a cross-region inference profile calls the model in another region) and this
     * account's inference profiles, system-defined (us.anthropic.…) and its own, in any region (a provider's
     * base-url may name another region than the stack's).
     */
    private static final Set<Map<String, String>> BEDROCK_RESOURCES = Set.of(
            Map.of("Fn::Sub", "arn:${AWS::Partition}:bedrock:*::foundation-model/*"),
            Map.of("Fn::Sub", "arn:${AWS::Partition}:bedrock:*:${AWS::AccountId}:inference-profile/*"),
            Map.of("Fn::Sub", "arn:${AWS::Partition}:bedrock:*:${AWS::AccountId}:application-inference-profile/*"));
    private static final String LEDGER_SECRET =
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${LedgerCredentialsSecret}-??????";
    private static final Map<String, List<String>> STATE_TABLE = Map.of("Fn::GetAtt", List.of("StateTable", "Arn"));
    private static final Set<String> BEDROCK_ACTIONS = Set.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");
    /**
     * The account's guardrails, which a provider's guardrail applies within Converse, and its guardrail
     * profiles, through which a Standard-tier guardrail runs in other regions.
     */
    private static final Set<Map<String, String>> GUARDRAILS = Set.of(
            Map.of("Fn::Sub", "arn:${AWS::Partition}:bedrock:*:${AWS::AccountId}:guardrail/*"),
            Map.of("Fn::Sub", "arn:${AWS::Partition}:bedrock:*:${AWS::AccountId}:guardrail-profile/*"));

    @Test
    void eachFunctionIsGrantedExactlyWhatItsCodeUses() {
        Map<String, FunctionAccess> granted = new LinkedHashMap<>();
        SamTemplate.load().functions().forEach((id, p) ->
                granted.put(FunctionArtifact.of(String.valueOf(p.get("CodeUri"))).module(), granted(id, p)));
        assertEquals(FunctionAccess.BY_MODULE.keySet(), granted.keySet(), "functions");
        FunctionAccess.BY_MODULE.forEach((module, expected) -> assertEquals(expected, granted.get(module), module));
    }

    @Test
    void theDynamoDbActionsGrantedAreThoseTheCodeCalls() {
        Set<String> granted = new TreeSet<>();
        FunctionAccess.BY_MODULE.values().forEach(a -> a.tables().values().forEach(granted::addAll));
        assertEquals(CodeDynamoDbActions.used(), granted);
        Set<TableDefinition> tables = new HashSet<>();
        FunctionAccess.BY_MODULE.values().forEach(a -> tables.addAll(a.tables().keySet()));
        assertEquals(Set.copyOf(SwitchboardTables.ALL), tables, "every table is used by some function");
    }

    @Test
    void theMetricsRoleMayQueryDeleteAndUpdateOnlyTheKeysOwnItemsAndPutOnlyThoseAndCircuits() {
        String keys = DynamoDbVirtualKeyStore.KEY_PARTITION_PREFIX + "*";
        assertEquals(List.of(keys, DynamoDbVirtualKeyStore.LIST_PARTITION),
                leadingKeysOfStatementWith("MetricsFunction", Set.of("dynamodb:Query", "dynamodb:DeleteItem",
                        "dynamodb:UpdateItem")));
        // POST and PATCH /keys put keys and list entries, POST /simulate/failure a circuit: never a budget or a window.
        assertEquals(List.of(keys, DynamoDbVirtualKeyStore.LIST_PARTITION, DynamoDbHealthStore.PARTITION_PREFIX + "*"),
                leadingKeysOfStatementWith("MetricsFunction", Set.of("dynamodb:PutItem")));
    }

    @Test
    void theCompleteRoleMayWriteOnlyWhatAnsweringRequestsWrites() {
        assertEquals(List.copyOf(StatePartitions.REQUEST_PATH), leadingKeysOfStatementWith("CompleteFunction",
                Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DeleteItem")));
    }

    @Test
    void theProbeRoleMayPutOnlyCircuits() {
        assertEquals(List.of(DynamoDbHealthStore.PARTITION_PREFIX + "*"),
                leadingKeysOfStatementWith("HealthProbeFunction", Set.of("dynamodb:PutItem")));
    }

    /** The partition keys the one state-table statement of {@code function} granting any of {@code actions} is held to. */
    private static List<Object> leadingKeysOfStatementWith(String function, Set<String> actions) {
        Map<String, Object> resource = SamTemplate.load().functions().get(function);
        List<Map<String, Object>> granting = new java.util.ArrayList<>();
        for (Object policy : SamTemplate.list(resource.get("Policies"))) {
            for (Object s : SamTemplate.list(SamTemplate.<Object>map(policy).get("Statement"))) {
                Map<String, Object> statement = SamTemplate.map(s);
                if (STATE_TABLE.equals(statement.get("Resource"))
                        && SamTemplate.list(statement.get("Action")).stream().anyMatch(actions::contains)) {
                    granting.add(statement);
                }
            }
        }
        assertEquals(1, granting.size(), "one statement, with its condition: " + granting);
        assertEquals(actions, Set.copyOf(SamTemplate.list(granting.get(0).get("Action"))), "and nothing else in it");
        Object condition = granting.get(0).get("Condition");
        assertTrue(condition != null, "a condition on " + actions);
        return SamTemplate.list(SamTemplate.map(SamTemplate.map(condition).get("ForAllValues:StringLike"))
                .get("dynamodb:LeadingKeys"));
    }

    @Test
    void theSecretsAreTheCodesDeclaredWithoutValuesAndGranted() {
        Map<String, Map<String, Object>> secrets = SamTemplate.load().ofType("AWS::SecretsManager::Secret");
        Set<String> names = new TreeSet<>();
        secrets.forEach((id, p) -> {
            names.add(codeName(p.get("Name")));
            Object value = p.get("SecretString");
            assertTrue(value == null || "{}".equals(value), id + " holds a value in the template");
        });
        assertEquals(new TreeSet<>(Set.of(FunctionAccess.PROVIDERS, FunctionAccess.ADMIN)), names);
        Set<String> granted = new TreeSet<>();
        FunctionAccess.BY_MODULE.values().forEach(a -> granted.addAll(a.secrets()));
        // The ledger's secret is the operator's (it holds the database's own credentials), named by a parameter.
        granted.remove(FunctionAccess.LEDGER);
        assertEquals(names, granted, "every secret is read by some function");
    }

    /**
     * SAM attaches a managed policy of its own for these (X-Ray, dead letters, destinations), and a Role of
     * one's own bypasses Policies: none of that is seen by the checks above. A VpcConfig, which the README's
     * Deploy section has an operator add for a ledger inside a VPC, is let through: the policy it brings,
     * AWS's AWSLambdaVPCAccessExecutionRole, grants network interfaces only.
     */
    @Test
    void noFunctionLetsSamAddPoliciesTheChecksDoNotSee() {
        SamTemplate.load().functions().forEach((id, p) -> {
            for (String property : List.of("Role", "Tracing", "DeadLetterQueue")) {
                assertFalse(p.containsKey(property), id + " sets " + property);
            }
            // Retry settings alone add no policy; destinations would.
            if (p.containsKey("EventInvokeConfig")) {
                assertFalse(SamTemplate.map(p.get("EventInvokeConfig")).containsKey("DestinationConfig"),
                        id + " sends invocation results to a destination");
            }
        });
    }

    @Test
    void aFailedProbeRunIsNotRetriedByLambda() {
        Object config = SamTemplate.load().functions().get("HealthProbeFunction").get("EventInvokeConfig");
        assertEquals(0, SamTemplate.map(config).get("MaximumRetryAttempts"));
    }

    @Test
    void noStatementGrantsEverythingOrAWildcardAction() {
        SamTemplate.everyMap(SamTemplate.load().root(), node -> {
            for (String key : List.of("Resource", "NotResource", "NotAction")) {
                if (node.containsKey(key)) {
                    assertFalse("NotResource".equals(key) || "NotAction".equals(key), key + " in " + node);
                    assertFalse(SamTemplate.list(node.get(key)).contains("*"), "Resource \"*\" in " + node);
                }
            }
            for (Object action : SamTemplate.list(node.get("Action"))) {
                assertFalse(String.valueOf(action).contains("*"), "wildcard action in " + node);
            }
        });
    }

    /** What this function's policies grant, in the terms of {@link FunctionAccess}. */
    private static FunctionAccess granted(String id, Map<String, Object> function) {
        SamTemplate template = SamTemplate.load();
        Map<TableDefinition, Set<String>> tables = new HashMap<>();
        Set<String> secrets = new HashSet<>();
        Set<Object> bedrock = new HashSet<>();
        for (Object policy : SamTemplate.list(function.get("Policies"))) {
            if (!(policy instanceof Map<?, ?> document) || !document.containsKey("Statement")) {
                fail(id + ": only inline policy documents are allowed (a managed policy or SAM policy template "
                        + "grants more than the code uses): " + policy);
                return null;
            }
            for (Object s : SamTemplate.list(document.get("Statement"))) {
                Map<String, Object> statement = SamTemplate.map(s);
                assertEquals("Allow", statement.get("Effect"), id);
                Set<String> actions = new TreeSet<>();
                SamTemplate.list(statement.get("Action")).forEach(a -> actions.add(String.valueOf(a)));
                for (Object resource : SamTemplate.list(statement.get("Resource"))) {
                    String target = SamTemplate.referencedId(resource);
                    Map<String, Object> declared = target == null ? null : template.resources().get(target);
                    if (declared != null && "AWS::DynamoDB::Table".equals(declared.get("Type"))) {
                        assertEquals(Map.of("Fn::GetAtt", List.of(target, "Arn")), resource, id);
                        assertTrue(actions.stream().allMatch(a -> a.startsWith("dynamodb:")), id + ": " + actions);
                        tables.computeIfAbsent(table(declared), t -> new TreeSet<>()).addAll(actions);
                    } else if (declared != null && "AWS::SecretsManager::Secret".equals(declared.get("Type"))) {
                        assertEquals(Set.of("secretsmanager:GetSecretValue"), actions, id);
                        secrets.add(codeName(SamTemplate.<Object>map(declared.get("Properties")).get("Name")));
                    } else if (Map.of("Fn::Sub", LEDGER_SECRET).equals(resource)) {
                        assertEquals(Set.of("secretsmanager:GetSecretValue"), actions, id);
                        secrets.add(FunctionAccess.LEDGER);
                    } else if (BEDROCK_RESOURCES.contains(resource)) {
                        assertEquals(BEDROCK_ACTIONS, actions, id);
                        bedrock.add(resource);
                    } else if (GUARDRAILS.contains(resource)) {
                        assertEquals(Set.of("bedrock:ApplyGuardrail"), actions, id);
                        bedrock.add(resource);
                    } else {
                        fail(id + ": grants " + actions + " on " + resource + ", which no code of Switchboard uses");
                    }
                }
            }
        }
        Map<TableDefinition, Set<String>> frozen = new HashMap<>();
        tables.forEach((t, a) -> frozen.put(t, Set.copyOf(a)));
        Set<Object> allBedrock = new HashSet<>(BEDROCK_RESOURCES);
        allBedrock.addAll(GUARDRAILS);
        assertTrue(bedrock.isEmpty() || bedrock.equals(allBedrock),
                id + ": Bedrock is granted on all of " + allBedrock + " or none: " + bedrock);
        return new FunctionAccess(Map.copyOf(frozen), Set.copyOf(secrets), !bedrock.isEmpty());
    }

    private static TableDefinition table(Map<String, Object> resource) {
        Object name = SamTemplate.<Object>map(resource.get("Properties")).get("TableName");
        String logical = TemplateTablesTest.logicalName(name);
        TableDefinition table = SwitchboardTables.ALL.stream().filter(t -> t.logicalName().equals(logical))
                .findFirst().orElse(null);
        assertNotNull(table, "table " + name + " is not one of SwitchboardTables");
        return table;
    }

    /** A secret's template name in the code's terms: switchboard/${Environment}/admin is switchboard/{stage}/admin. */
    private static String codeName(Object name) {
        assertTrue(name instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String, "secret name " + name);
        return String.valueOf(SamTemplate.<Object>map(name).get("Fn::Sub")).replace("${Environment}", "{stage}");
    }
}
