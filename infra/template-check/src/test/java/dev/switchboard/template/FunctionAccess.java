package dev.switchboard.template;

import dev.switchboard.secrets.SecretsManagerSettings;
import dev.switchboard.state.dynamodb.SwitchboardTables;
import dev.switchboard.state.dynamodb.TableDefinition;

import java.util.Map;
import java.util.Set;

/**
 * What each function's code touches on AWS, by function module: the IAM actions per table, the secrets
 * (as the code names them, with {stage}) and whether it calls Bedrock. Traced by hand from the services
 * each function's controllers call to the DynamoDB adapters under them (a transaction needs the action of
 * each item it writes: Update is UpdateItem, Put is PutItem); {@link CodeDynamoDbActions} checks that
 * together they are exactly the calls the adapters make, so a new call cannot go unnoticed.
 *
 * <p>complete: virtual keys and windows (GetItem), spend and cache lookup (BatchGetItem on both tables),
 * reservations, settlements and latency (transactions of Update), the cache entry (Put in the settling
 * transaction), shared circuits and the ledger outbox (PutItem, Query, DeleteItem), its writes held to
 * {@code StatePartitions.REQUEST_PATH}; providers' keys and Bedrock. recommend, decision: virtual keys (GetItem) and the routing snapshot (BatchGetItem). metrics:
 * the same, plus PutItem for POST /keys and PATCH /keys/{id} (each a transaction of two Puts) and POST /simulate/failure, Query for
 * GET /keys, DeleteItem and UpdateItem for DELETE /keys/{id} (one transaction); /health's reachability check reads the
 * state table only. health-probe: the snapshot (BatchGetItem) and circuits (PutItem), no latency (a ping is not
 * an answer's time); providers' keys and Bedrock, but no admin key: it serves no caller. Every function
 * opens the ledger, so every one reads the ledger's credentials ({@link #LEDGER}).
 */
record FunctionAccess(Map<TableDefinition, Set<String>> tables, Set<String> secrets, boolean bedrock) {

    static final String PROVIDERS = SecretsManagerSettings.DEFAULT_NAME_PATTERN;
    static final String ADMIN = SecretsManagerSettings.DEFAULT_ADMIN_NAME_PATTERN;
    /** The operator's secret named by the LedgerCredentialsSecret parameter. */
    static final String LEDGER = "ledger credentials";

    private static final Set<String> ROUTING_READS = Set.of("dynamodb:BatchGetItem", "dynamodb:GetItem");

    static final Map<String, FunctionAccess> BY_MODULE = Map.of(
            "complete", new FunctionAccess(Map.of(
                    SwitchboardTables.STATE, Set.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem",
                            "dynamodb:UpdateItem", "dynamodb:Query", "dynamodb:DeleteItem"),
                    SwitchboardTables.CACHE, Set.of("dynamodb:BatchGetItem", "dynamodb:PutItem")),
                    Set.of(PROVIDERS, ADMIN, LEDGER), true),
            "recommend", new FunctionAccess(Map.of(SwitchboardTables.STATE, ROUTING_READS), Set.of(ADMIN, LEDGER), false),
            "decision", new FunctionAccess(Map.of(SwitchboardTables.STATE, ROUTING_READS), Set.of(ADMIN, LEDGER), false),
            "metrics", new FunctionAccess(Map.of(SwitchboardTables.STATE,
                    Set.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
                            "dynamodb:DeleteItem", "dynamodb:UpdateItem")), Set.of(ADMIN, LEDGER), false),
            "health-probe", new FunctionAccess(Map.of(SwitchboardTables.STATE,
                    Set.of("dynamodb:BatchGetItem", "dynamodb:PutItem")), Set.of(PROVIDERS, LEDGER), true));
}
