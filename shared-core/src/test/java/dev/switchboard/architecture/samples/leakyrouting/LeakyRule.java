package dev.switchboard.architecture.samples.leakyrouting;

import dev.switchboard.config.ProviderConfig;
import io.micronaut.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Random;

/** Breaks every routing rule: framework, HTTP and config types, the system clock, unseeded randomness. */
public final class LeakyRule {

    JsonMapper mapper;
    HttpClient http;
    ProviderConfig config;

    public Instant decidedAt() {
        return Instant.now();
    }

    public int pick() {
        return new Random().nextInt(3);
    }
}
