package dev.switchboard.state.dynamodb;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the DynamoDB API calls (round trips) a client makes, per operation: one per call the code
 * makes, however often the SDK retries it underneath.
 */
final class DynamoDbCalls implements ExecutionInterceptor {

    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();

    /** A new client on the test DynamoDB whose calls this counts; the caller closes it. */
    static DynamoDbClient countedClient(DynamoDbCalls calls) {
        return InterceptedDynamoDb.client(calls);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        operations.add(operation);
    }

    long of(String operation) {
        LongAdder count = calls.get(operation);
        return count == null ? 0 : count.sum();
    }

    long total() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Every call in the order it was made. */
    List<String> operations() {
        return List.copyOf(operations);
    }

    void reset() {
        calls.clear();
        operations.clear();
    }
}
