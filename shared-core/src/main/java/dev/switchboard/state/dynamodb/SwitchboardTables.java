package dev.switchboard.state.dynamodb;

import java.util.List;

/**
 * Every DynamoDB table Switchboard uses, in one place: test set-up and the local gateway create
 * them from here, and the SAM template is checked against this list.
 */
public final class SwitchboardTables {

    /**
     * Counters and shared state, one item per (pk, sk): spend per principal and day today; health,
     * latency, rate-limit windows, budgets and keys as they arrive. Window items expire by TTL.
     */
    public static final TableDefinition STATE = new TableDefinition("state", "pk", "sk", "expires_at");

    /** The response cache: one item per normalised request hash, expiring by TTL. */
    public static final TableDefinition CACHE = new TableDefinition("cache", "pk", null, "expires_at");

    public static final List<TableDefinition> ALL = List.of(STATE, CACHE);

    private SwitchboardTables() {
    }
}
