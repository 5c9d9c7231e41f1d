package dev.switchboard.secrets;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts the API calls a Secrets Manager client makes (one per call, whatever the SDK retries), because
 * the test server keeps no record of the requests it answers.
 */
final class SecretsManagerCalls implements ExecutionInterceptor {

    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    long getSecretValue() {
        return operations.stream().filter("GetSecretValue"::equals).count();
    }
}
