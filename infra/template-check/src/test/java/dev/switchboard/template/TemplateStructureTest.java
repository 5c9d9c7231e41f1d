package dev.switchboard.template;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What SAM and CloudFormation would refuse, checked without them: known resource, event and function
 * types; references to things that exist; and each function deployable as issue 7 asks (java21,
 * SnapStart on published versions behind an alias, memory and timeout, its own log group with retention).
 */
class TemplateStructureTest {

    /** The types this template may use; a new one is added here after checking its documentation. */
    static final Set<String> RESOURCE_TYPES = Set.of("AWS::Serverless::Function", "AWS::Serverless::HttpApi",
            "AWS::DynamoDB::Table", "AWS::SecretsManager::Secret", "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm",
            "AWS::SNS::Topic", "AWS::SNS::Subscription", "AWS::CloudWatch::Dashboard", "AWS::Logs::QueryDefinition");
    static final Set<String> EVENT_TYPES = Set.of("HttpApi", "Schedule");
    static final Set<String> INTRINSICS = Set.of("Ref", "Condition", "Fn::GetAtt", "Fn::Sub", "Fn::If", "Fn::Equals",
            "Fn::Not", "Fn::And", "Fn::Or", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::Base64",
            "Fn::GetAZs", "Fn::ImportValue");
    /** AWS::Serverless::Function's properties (SAM's SamFunction), and those its Globals section takes. */
    static final Set<String> FUNCTION_PROPERTIES = Set.of("FunctionName", "Handler", "Runtime", "CodeUri", "ImageUri",
            "PackageType", "InlineCode", "DeadLetterQueue", "Description", "MemorySize", "Timeout", "VpcConfig", "Role",
            "AssumeRolePolicyDocument", "Policies", "RolePath", "PermissionsBoundary", "Environment", "Events", "Tags",
            "Tracing", "KmsKeyArn", "DeploymentPreference", "ReservedConcurrentExecutions", "Layers", "EventInvokeConfig",
            "EphemeralStorage", "AutoPublishAlias", "AutoPublishCodeSha256", "AutoPublishAliasAllProperties",
            "VersionDescription", "ProvisionedConcurrencyConfig", "FileSystemConfigs", "ImageConfig",
            "CodeSigningConfigArn", "Architectures", "SnapStart", "FunctionUrlConfig", "RuntimeManagementConfig",
            "LoggingConfig", "RecursiveLoop", "SourceKMSKeyArn");
    static final Set<String> FUNCTION_GLOBALS = Set.of("Handler", "Runtime", "CodeUri", "DeadLetterQueue", "Description",
            "MemorySize", "Timeout", "VpcConfig", "Environment", "Tags", "Tracing", "KmsKeyArn", "AutoPublishAlias",
            "DeploymentPreference", "Layers", "Architectures", "SnapStart", "EphemeralStorage", "LoggingConfig",
            "PermissionsBoundary", "ReservedConcurrentExecutions", "RuntimeManagementConfig");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final SamTemplate template = SamTemplate.load();

    @Test
    void parsesAsASamTemplate() {
        assertEquals("2010-09-09", template.root().get("AWSTemplateFormatVersion"));
        assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"));
        assertEquals(List.of("dev", "staging", "prod"),
                SamTemplate.<Object>map(template.parameters().get("Environment")).get("AllowedValues"));
        assertNotNull(template.parameters().get("LedgerJdbcUrl"), "the ledger's JDBC URL is a parameter");
    }

    @Test
    void everyResourceAndEventTypeIsOneSamOrCloudFormationKnows() {
        template.resources().forEach((id, r) -> assertTrue(RESOURCE_TYPES.contains(r.get("Type")), id + ": " + r.get("Type")));
        template.functions().forEach((id, p) -> SamTemplate.<Map<String, Object>>map(p.getOrDefault("Events", Map.of()))
                .forEach((name, e) -> assertTrue(EVENT_TYPES.contains(e.get("Type")), id + "." + name + ": " + e.get("Type"))));
    }

    @Test
    void functionsUseOnlyPropertiesSamKnowsAndGlobalsOnlyThoseItMerges() {
        Map<String, Object> globals = SamTemplate.map(SamTemplate.<Object>map(template.root().get("Globals")).get("Function"));
        globals.keySet().forEach(key -> assertTrue(FUNCTION_GLOBALS.contains(key), "Globals.Function." + key));
        template.ofType(SamTemplate.FUNCTION).forEach((id, p) -> p.keySet().forEach(key ->
                assertTrue(FUNCTION_PROPERTIES.contains(key), id + "." + key)));
    }

    @Test
    void everyFunctionReferenceAndConditionNamesSomethingThatExists() {
        Set<String> names = new HashSet<>(template.resources().keySet());
        names.addAll(template.parameters().keySet());
        names.addAll(SamTemplate.PSEUDO_PARAMETERS);
        SamTemplate.everyMap(template.root(), node -> {
            for (String key : node.keySet()) {
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    assertEquals(1, node.size(), "a function beside other keys: " + node);
                    assertTrue(INTRINSICS.contains(key), "unknown function " + key);
                }
            }
            String target = SamTemplate.referencedId(node);
            if (target != null) {
                assertTrue(names.contains(target) || (node.containsKey("Fn::GetAtt") && template.resources().containsKey(target)),
                        "reference to nothing: " + node);
            }
            if (node.get("Fn::Sub") instanceof String text) {
                Matcher variable = SUB_VARIABLE.matcher(text);
                while (variable.find()) {
                    String name = variable.group(1).split("\\.")[0];
                    assertTrue(names.contains(name), "${" + variable.group(1) + "} in " + text);
                }
            }
            if (node.get("Fn::If") instanceof List<?> branches) {
                assertTrue(template.conditions().containsKey(String.valueOf(branches.get(0))), "condition " + branches.get(0));
            }
        });
    }

    @Test
    void everyFunctionRunsJava21FromASnapStartSnapshotWithItsOwnLogGroup() {
        Set<String> logGroups = new HashSet<>();
        template.functions().forEach((id, p) -> {
            assertEquals("java21", p.get("Runtime"), id);
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart"), id);
            assertTrue(p.get("AutoPublishAlias") instanceof String alias && !alias.isBlank(), id + " publishes an alias");
            // Without it a changed timeout or layer updates $LATEST only, and the alias keeps the old settings.
            assertEquals(true, p.get("AutoPublishAliasAllProperties"), id + " publishes a version for any property");
            // ... and for a parameter's new value, which the properties as written do not show.
            assertEquals(Map.of("Ref", "ConfigRevision"), p.get("AutoPublishCodeSha256"), id);
            int memory = (Integer) p.get("MemorySize");
            int timeout = (Integer) p.get("Timeout");
            assertTrue(memory >= 512 && memory <= 10240, id + " memory " + memory);
            assertTrue(timeout >= 1 && timeout <= 900, id + " timeout " + timeout);
            String logGroup = SamTemplate.referencedId(SamTemplate.<Object>map(p.get("LoggingConfig")).get("LogGroup"));
            assertTrue(logGroups.add(logGroup), id + " shares log group " + logGroup);
            Map<String, Object> group = template.resources().get(logGroup);
            assertEquals("AWS::Logs::LogGroup", group.get("Type"), id);
            Map<String, Object> groupProperties = SamTemplate.map(group.get("Properties"));
            assertNotNull(groupProperties.get("RetentionInDays"), logGroup + " retention");
            assertEquals(Map.of("Fn::Sub", "/aws/lambda/" + ((Map<?, ?>) p.get("FunctionName")).get("Fn::Sub")),
                    groupProperties.get("LogGroupName"), id + ": the log group Lambda would pick for it");
        });
        template.ofType("AWS::Logs::LogGroup").forEach((id, p) ->
                assertNotNull(p.get("RetentionInDays"), id + " keeps logs for ever"));
    }

    @Test
    void theProbeRunsOnASchedule() {
        long scheduled = template.functions().values().stream()
                .flatMap(p -> SamTemplate.<Map<String, Object>>map(p.getOrDefault("Events", Map.of())).values().stream())
                .filter(e -> "Schedule".equals(e.get("Type")))
                .peek(e -> assertFalse(String.valueOf(SamTemplate.<Object>map(e.get("Properties")).get("Schedule")).isBlank()))
                .count();
        assertEquals(1, scheduled, "one scheduled event (the health probe)");
    }

    @Test
    void everyRouteWaitsForItsFunctionAsLongAsAnHttpApiCan() {
        template.functions().forEach((id, p) -> SamTemplate.<Map<String, Object>>map(p.getOrDefault("Events", Map.of()))
                .forEach((name, e) -> {
                    if ("HttpApi".equals(e.get("Type"))) {
                        // Not left to SAM, whose default for an event's integration has not always been API Gateway's.
                        assertEquals(30_000, SamTemplate.<Object>map(e.get("Properties")).get("TimeoutInMillis"),
                                id + "." + name);
                    }
                }));
    }

    @Test
    void theApiThrottlesEveryRouteByParameters() {
        Map<String, Object> api = template.ofType("AWS::Serverless::HttpApi").values().iterator().next();
        Map<String, Object> settings = SamTemplate.map(api.get("DefaultRouteSettings"));

        assertEquals(Map.of("Ref", "ApiRateLimit"), settings.get("ThrottlingRateLimit"));
        assertEquals(Map.of("Ref", "ApiBurstLimit"), settings.get("ThrottlingBurstLimit"));
        assertNotNull(template.parameters().get("ApiRateLimit"));
        assertNotNull(template.parameters().get("ApiBurstLimit"));
    }
}
