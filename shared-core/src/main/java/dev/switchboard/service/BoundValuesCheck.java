package dev.switchboard.service;

import dev.switchboard.api.ChatSettings;
import dev.switchboard.config.ConfigurationError;
import dev.switchboard.observability.MetricsNamespace;
import dev.switchboard.provider.http.UpstreamProperties;
import dev.switchboard.resilience.ResilienceProperties;
import dev.switchboard.secrets.SecretsManagerSettings;
import dev.switchboard.state.CacheSettings;
import dev.switchboard.state.LatencyProperties;
import dev.switchboard.state.dynamodb.DynamoDbSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import jakarta.inject.Inject;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Refuses, at start-up, a setting whose value does not convert to its type. Micronaut binds a value
 * it cannot convert as if it were absent, so {@code SWITCHBOARD_CACHE_TTL=90} (meant as seconds, but a
 * duration needs its unit) would silently mean the default hour. Booleans are only {@code true} or
 * {@code false}: the binder reads yes, y and on as true and any other word, {@code ture} included, as
 * false.
 */
@Context
public class BoundValuesCheck {

    /** The settings records whose values are checked (strings take any value and are skipped). */
    static final List<Class<? extends Record>> CHECKED = List.of(CacheSettings.class, ResilienceProperties.class,
            RoutingSettings.class, LearningProperties.class, LatencyProperties.class, UpstreamProperties.class,
            DynamoDbSettings.class, SecretsManagerSettings.class, StateOutagePolicy.class, ChatSettings.class);

    /** Settings read one by one ({@code @Value}) rather than through a settings record, with their types. */
    static final Map<String, Class<?>> CHECKED_ONE_BY_ONE = Map.ofEntries(
            Map.entry("switchboard.ledger.migrate", boolean.class),
            Map.entry(LedgerRetention.PROPERTY, int.class),
            Map.entry("switchboard.ledger.connect-timeout", Duration.class),
            Map.entry("switchboard.ledger.query-timeout", Duration.class),
            Map.entry("switchboard.log.include-prompts", boolean.class),
            Map.entry("switchboard.state.snapshot-max-age", Duration.class),
            Map.entry("switchboard.probe.timeout", Duration.class),
            Map.entry("switchboard.probe.parallelism", int.class),
            // Seed 000's scoring variables (CoreBeans.scoringConfig).
            Map.entry("sla.ultra-low-ms", long.class), Map.entry("sla.low-ms", long.class),
            Map.entry("sla.medium-ms", long.class), Map.entry("sla.high-ms", long.class),
            Map.entry("weight.latency", double.class), Map.entry("weight.cost", double.class),
            Map.entry("weight.sla", double.class));

    /**
     * Settings that take one of a few words, as their readers compare them: the state store exactly (the
     * beans' conditions compare it as written, so a store that is neither word, "Memory" included, would
     * leave every request without its state beans); the log format and metrics trimmed and in any case,
     * blank meaning the default (logging reads them leniently, with a warning, before this check).
     */
    static final Map<String, Set<String>> EXACTLY_ONE_OF = Map.of(
            "switchboard.state.store", Set.of("dynamodb", "memory"));
    static final Map<String, Set<String>> ONE_OF = Map.of(
            "switchboard.log.format", Set.of("json", "text"),
            "switchboard.metrics", Set.of("emf", "off"));

    @Inject
    public BoundValuesCheck(Environment environment) {
        Function<String, Optional<String>> raw = name -> environment.getProperty(name, String.class);
        check(raw, environment, CHECKED);
        CHECKED_ONE_BY_ONE.forEach((property, type) -> check(raw, environment, property, type));
        EXACTLY_ONE_OF.forEach((property, words) -> raw.apply(property)
                .ifPresent(value -> oneOf(property, value, value, words)));
        ONE_OF.forEach((property, words) -> raw.apply(property).filter(value -> !value.isBlank())
                .ifPresent(value -> oneOf(property, value, value.trim().toLowerCase(Locale.ROOT), words)));
        // At start-up, not when the metrics sink is first built (on the local gateway, the first request).
        raw.apply(MetricsNamespace.PROPERTY).ifPresent(MetricsNamespace::new);
    }

    private static void oneOf(String property, String value, String compared, Set<String> words) {
        if (!words.contains(compared)) {
            throw new ConfigurationError(ConfigurationError.setting(property) + ": '" + value + "' is not one of "
                    + words.stream().sorted().toList());
        }
    }

    /** Throws a {@link ConfigurationError} naming the first value of {@code records} that does not convert. */
    static void check(Function<String, Optional<String>> rawValues, ConversionService conversions,
                      List<Class<? extends Record>> records) {
        for (Class<? extends Record> settings : records) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : settings.getRecordComponents()) {
                Class<?> type = component.getType();
                if (type == String.class) {
                    continue;
                }
                check(rawValues, conversions, prefix + "." + KnownSettings.kebab(component.getName()), type);
            }
        }
    }

    private static void check(Function<String, Optional<String>> rawValues, ConversionService conversions,
                              String property, Class<?> type) {
        rawValues.apply(property).ifPresent(raw -> {
            if (!converts(raw, type, conversions)) {
                throw new ConfigurationError(ConfigurationError.setting(property) + ": '" + raw + "' is not "
                        + expected(type));
            }
        });
    }

    private static boolean converts(String raw, Class<?> type, ConversionService conversions) {
        if (type == boolean.class || type == Boolean.class) {
            return raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false");
        }
        return conversions.convert(raw, type).isPresent();
    }

    private static String expected(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration with its unit, such as 500ms, 90s, 5m or 1h";
        }
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }
}
