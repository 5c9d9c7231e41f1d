package dev.switchboard.service;

import dev.switchboard.api.KeyBudget;
import dev.switchboard.api.KeyLimits;
import dev.switchboard.api.KeyResponse;
import dev.switchboard.state.BudgetCaps;
import dev.switchboard.state.ListedKey;
import dev.switchboard.state.VirtualKey;

import java.time.Instant;
import java.util.List;

/** A stored virtual key as the admin routes show it: the caps that apply, never the key or its hash. */
final class KeyViews {

    private KeyViews() {
    }

    static KeyBudget budget(VirtualKey key) {
        BudgetCaps caps = BudgetCaps.orDefault(key.budget());
        return new KeyBudget(caps.dailyUsd(), caps.monthlyUsd());
    }

    static KeyLimits limits(VirtualKey key) {
        return new KeyLimits(key.limits().requestsPerMinute(), key.limits().tokensPerMinute());
    }

    /** The key's models, null when it may use every one (an empty list would read as "none"). */
    static List<String> models(VirtualKey key) {
        return key.models().isEmpty() ? null : key.models();
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static KeyResponse response(ListedKey listed) {
        VirtualKey key = listed.key();
        return new KeyResponse(key.id(), key.user(), key.name(), budget(key), limits(key), key.createdAt().toString(),
                time(key.expiresAt()), time(listed.revokedAt()), models(key));
    }
}
