package dev.switchboard.ledger.jdbc;

import dev.switchboard.testsupport.H2Ledger;

import java.util.Map;

/** Observed failures on H2 in PostgreSQL mode: the local gateway's database. */
class H2ObservedLessonsLedgerTest extends ObservedLessonsLedgerContract {

    @Override
    Map<String, Object> datasource() {
        return Map.of("datasources.default.url", H2Ledger.freshUrl());
    }
}
