package dev.switchboard.state.dynamodb;

import dev.switchboard.state.Admission;
import dev.switchboard.state.AdmissionCounter;
import dev.switchboard.state.AdmissionRequest;
import dev.switchboard.state.CounterMeasure;
import dev.switchboard.state.Refusal;
import dev.switchboard.state.RequestState;
import dev.switchboard.state.Settlement;
import dev.switchboard.state.StateLookup;
import dev.switchboard.state.StateUnavailableException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request's state calls on DynamoDB, one round trip each: the lookup is one read, the reservation
 * one transaction, and the settling one transaction holding both the reconcile's differences and the
 * latency record's ADD, so the request's critical path makes three calls whatever it records.
 */
public final class DynamoDbRequestState implements RequestState {

    private final DynamoDbClient dynamo;
    private final String table;
    private final DynamoDbAdmissionStore admission;
    private final DynamoDbLatencyStore latency;

    public DynamoDbRequestState(DynamoDbClient dynamo, String tablePrefix, DynamoDbAdmissionStore admission,
                                DynamoDbLatencyStore latency) {
        this.dynamo = dynamo;
        this.table = SwitchboardTables.STATE.physicalName(tablePrefix);
        this.admission = admission;
        this.latency = latency;
    }

    @Override
    public StateLookup lookup(String principal, Instant at) {
        AdmissionCounter day = AdmissionCounter.budget(Refusal.BudgetPeriod.DAILY, principal, at);
        try {
            // Eventually consistent: the figure is reported, never enforced (the reservation enforces).
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(AdmissionItems.key(day)))
                    .item();
            return new StateLookup(AdmissionItems.measures(item).getOrDefault(CounterMeasure.SPENT_USD, BigDecimal.ZERO));
        } catch (SdkException e) {
            throw new StateUnavailableException("reading the day's spend from DynamoDB failed", e);
        }
    }

    @Override
    public Admission reserve(AdmissionRequest request) {
        return admission.reserve(request);
    }

    @Override
    public void settle(Settlement s) {
        List<TransactWriteItem> record = s.recordsLatency()
                ? List.of(TransactWriteItem.builder()
                        .update(latency.recording(s.deployment(), s.latency(), s.success(), s.endedAt())).build())
                : List.of();
        admission.reconcileWith(s.reservation(), s.actualTokens(), s.actualCostUsd(), record);
    }
}
