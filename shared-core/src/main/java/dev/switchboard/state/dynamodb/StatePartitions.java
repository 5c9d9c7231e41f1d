package dev.switchboard.state.dynamodb;

import dev.switchboard.state.AdmissionCounter;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The partitions of the state table that answering requests writes, as IAM {@code dynamodb:LeadingKeys}
 * patterns (a trailing {@code *} matches any rest): the SAM template holds the complete function's writes to
 * exactly these, so that its role can neither create nor revive a virtual key, and a test records the
 * partitions the request path's adapters write against this list.
 */
public final class StatePartitions {

    /** Rate windows and budgets, latency buckets, circuits, and the ledger rows parked while the ledger is down. */
    public static final List<String> REQUEST_PATH = Stream.concat(
            Arrays.stream(AdmissionCounter.Kind.values()).map(k -> k.partitionPrefix() + "*").distinct(),
            Stream.of(LatencyItems.PARTITION_PREFIX + "*", DynamoDbHealthStore.PARTITION_PREFIX + "*",
                    LedgerOutboxItems.PARTITION)).toList();

    private StatePartitions() {
    }

    /** True when {@code partitionKey} is one {@code pattern} matches, as IAM's StringLike would. */
    public static boolean matches(String pattern, String partitionKey) {
        return pattern.endsWith("*")
                ? partitionKey.startsWith(pattern.substring(0, pattern.length() - 1))
                : partitionKey.equals(pattern);
    }
}
