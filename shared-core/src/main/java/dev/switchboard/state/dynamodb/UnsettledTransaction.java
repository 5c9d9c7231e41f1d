package dev.switchboard.state.dynamodb;

import dev.switchboard.state.StateUnavailableException;
import dev.switchboard.state.UnsettledSettlement;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A settlement's transaction that failed. With the token of an attempt that may have landed, a repeat
 * sends the same items under the same token: DynamoDB answers a token it has already applied with
 * success and applies nothing again. Without one (every attempt was cancelled) nothing landed, and the
 * repeat is a new write. A repeat that is cancelled proves that nothing landed (an applied token would
 * have been answered with success), so {@code whenCancelled} writes what still matters.
 */
final class UnsettledTransaction implements UnsettledSettlement {

    private final DynamoDbClient dynamo;
    private final List<TransactWriteItem> items;
    private final String token;
    private final Instant firstSentAt;
    private final String subject;
    private final Runnable whenCancelled;

    UnsettledTransaction(DynamoDbClient dynamo, List<TransactWriteItem> items, String token, Instant firstSentAt,
                         String subject, Runnable whenCancelled) {
        this.dynamo = dynamo;
        this.items = List.copyOf(items);
        this.token = token;
        this.firstSentAt = firstSentAt;
        this.subject = subject;
        this.whenCancelled = whenCancelled;
    }

    @Override
    public Instant firstSentAt() {
        return firstSentAt;
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public void repeat() {
        String sent = token != null ? token : UUID.randomUUID().toString();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items).clientRequestToken(sent));
        } catch (TransactionCanceledException nothingLanded) {
            whenCancelled.run();
        } catch (SdkException e) {
            if (token == null && DynamoDbRefusals.transactionRefusedWhole(e)) {
                // No attempt may have landed, and a table refused (the cache's, missing or not granted) refuses
                // every repeat: what still matters goes alone rather than repeating until the repeats run out.
                // With a token, the refusal proves only that this repeat did not land, not the first sending.
                whenCancelled.run();
                return;
            }
            UnsettledTransaction again = token != null ? this
                    : new UnsettledTransaction(dynamo, items, sent, firstSentAt, subject, whenCancelled);
            throw StateUnavailableException.ofSettlement("repeating a settlement in DynamoDB failed", e, again);
        }
    }
}
