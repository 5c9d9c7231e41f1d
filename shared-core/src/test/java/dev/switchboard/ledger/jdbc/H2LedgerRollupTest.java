package dev.switchboard.ledger.jdbc;

import dev.switchboard.testsupport.H2Ledger;

import java.util.Map;

/** The analytics' daily rollup on H2 in PostgreSQL mode: the local gateway's database. */
class H2LedgerRollupTest extends LedgerRollupContract {

    @Override
    Map<String, Object> database() {
        return Map.of("datasources.default.url", H2Ledger.freshUrl());
    }
}
