package dev.switchboard.state.dynamodb;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails the next TransactWriteItems once: before it is sent, after DynamoDB answered it (the answer
 * lost after the commit), or as a transaction DynamoDB cancelled for a conflict.
 */
final class LosesTransactionAnswers implements ExecutionInterceptor {

    final AtomicBoolean beforeSending = new AtomicBoolean();
    final AtomicBoolean afterCommit = new AtomicBoolean();
    final AtomicBoolean cancelled = new AtomicBoolean();
    /** The transaction (counted from 1 among those answered) whose answer is lost after its commit; 0 for none. */
    final AtomicInteger loseAnswerOf = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (isTransaction(attributes) && beforeSending.getAndSet(false)) {
            throw SdkClientException.create("simulated: connection lost before sending");
        }
        if (isTransaction(attributes) && cancelled.getAndSet(false)) {
            throw TransactionCanceledException.builder().message("simulated: conflict").statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("TransactionCanceledException").build())
                    .cancellationReasons(CancellationReason.builder().code("TransactionConflict").build()).build();
        }
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (isTransaction(attributes)
                && (afterCommit.getAndSet(false) | answered.incrementAndGet() == loseAnswerOf.get())) {
            throw SdkClientException.create("simulated: the answer was lost after the commit");
        }
        return context.response();
    }

    private static boolean isTransaction(ExecutionAttributes attributes) {
        return "TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
