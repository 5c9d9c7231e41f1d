package dev.switchboard.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The IAM actions shared-core's DynamoDB calls need, read from the sources that use the DynamoDB SDK:
 * each client call ({@code dynamo.getItem(...)}) is its action, and a transaction's items (Put, Update, Delete,
 * ConditionCheck builders) are theirs, since IAM authorises a TransactWriteItems item by item.
 * TableProvisioner is left out: it creates tables for DynamoDB Local only, never on AWS.
 */
final class CodeDynamoDbActions {

    private static final Path SOURCES = SamTemplate.REPOSITORY.resolve("shared-core/src/main/java");
    private static final Set<String> LOCAL_ONLY = Set.of("TableProvisioner.java");

    private static final Pattern CLIENT_CALL = Pattern.compile(
            "\\.(getItem|batchGetItem|putItem|updateItem|deleteItem|query|scan|batchWriteItem|transactGetItems)\\(");
    private static final Pattern TRANSACTION_ITEM = Pattern.compile("\\b(Put|Update|Delete|ConditionCheck)\\.builder\\(\\)");

    private static final Map<String, String> CALLS = Map.of(
            "getItem", "dynamodb:GetItem", "batchGetItem", "dynamodb:BatchGetItem", "putItem", "dynamodb:PutItem",
            "updateItem", "dynamodb:UpdateItem", "deleteItem", "dynamodb:DeleteItem", "query", "dynamodb:Query",
            "scan", "dynamodb:Scan", "batchWriteItem", "dynamodb:BatchWriteItem", "transactGetItems", "dynamodb:GetItem");
    private static final Map<String, String> ITEMS = Map.of("Put", "dynamodb:PutItem", "Update", "dynamodb:UpdateItem",
            "Delete", "dynamodb:DeleteItem", "ConditionCheck", "dynamodb:ConditionCheckItem");

    private CodeDynamoDbActions() {
    }

    static Set<String> used() {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (LOCAL_ONLY.contains(file.getFileName().toString())) {
                    continue;
                }
                String source = Files.readString(file);
                if (!source.contains("software.amazon.awssdk.services.dynamodb")) {
                    continue;
                }
                Matcher call = CLIENT_CALL.matcher(source);
                while (call.find()) {
                    actions.add(CALLS.get(call.group(1)));
                }
                Matcher item = TRANSACTION_ITEM.matcher(source);
                while (item.find()) {
                    actions.add(ITEMS.get(item.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return actions;
    }
}
