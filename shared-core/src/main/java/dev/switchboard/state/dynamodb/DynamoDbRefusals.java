package dev.switchboard.state.dynamodb;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.Set;

/**
 * What DynamoDB's error answers prove. Only these refusals show that a request was turned away before
 * anything of it was applied; a 5xx, a throttling answer after an earlier attempt, or a transaction still
 * in progress under the same token prove nothing, and must be repeated under that token instead.
 */
final class DynamoDbRefusals {

    /** A table that is not there or not granted: it refuses every request naming it, the same way each time. */
    private static final Set<String> TABLE_REFUSED = Set.of("ResourceNotFoundException", "AccessDeniedException");
    private static final Set<String> REFUSED_WHOLE = Set.of("ResourceNotFoundException", "AccessDeniedException",
            "ValidationException");

    private DynamoDbRefusals() {
    }

    /** True when {@code failure} is DynamoDB refusing a table the request named (missing, or not granted). */
    static boolean tableRefused(Throwable failure) {
        return failure instanceof AwsServiceException refused && TABLE_REFUSED.contains(code(refused));
    }

    /** True when {@code failure} proves that nothing of a transaction was applied. */
    static boolean transactionRefusedWhole(Throwable failure) {
        return failure instanceof TransactionCanceledException
                || failure instanceof AwsServiceException refused && REFUSED_WHOLE.contains(code(refused));
    }

    private static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
