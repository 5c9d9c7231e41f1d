package dev.switchboard.state.dynamodb;

import java.util.Objects;

/**
 * A DynamoDB table as Switchboard uses it: string keys, on-demand billing, and a TTL attribute
 * holding epoch seconds. {@code sortKey} is null for a table with a partition key only.
 */
public record TableDefinition(String logicalName, String partitionKey, String sortKey, String ttlAttribute) {

    public TableDefinition {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(ttlAttribute, "ttlAttribute");
    }

    /** The physical name for an environment's prefix, e.g. "switchboard-dev-" + "state". */
    public String physicalName(String prefix) {
        return prefix + logicalName;
    }
}
