package dev.switchboard.state.memory;

import dev.switchboard.state.DailySpendStore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One process's spend, for unit tests and for measuring the gateway without DynamoDB. It is not
 * shared between instances, so it is never the default on Lambda.
 */
public final class InMemoryDailySpendStore implements DailySpendStore {

    private final Map<String, BigDecimal> spend = new ConcurrentHashMap<>();

    @Override
    public BigDecimal add(String principal, LocalDate day, BigDecimal usd) {
        return spend.merge(principal + "|" + day, usd, BigDecimal::add);
    }

    @Override
    public BigDecimal spentOn(String principal, LocalDate day) {
        return spend.getOrDefault(principal + "|" + day, BigDecimal.ZERO);
    }
}
