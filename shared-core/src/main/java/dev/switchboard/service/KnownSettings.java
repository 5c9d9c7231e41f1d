package dev.switchboard.service;

import dev.switchboard.api.http.LoopbackHostFilter;
import dev.switchboard.config.ConfigurationError;
import dev.switchboard.observability.MetricsNamespace;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting an operator may give, as its environment variable: the components of the settings
 * records and the settings start-up checks one by one ({@link BoundValuesCheck}), and the few taken as
 * text where they are used. A setting added to a record is known without a change here.
 */
public final class KnownSettings {

    /** Text settings read where they are used ({@code @Value}, application.yml), which no check converts. */
    static final Set<String> TEXT = Set.of("switchboard.admin-key", "switchboard.data-dir",
            "switchboard.ledger.url", "switchboard.ledger.username", "switchboard.ledger.password",
            "switchboard.ledger.credentials-secret", "switchboard.secrets.source", MetricsNamespace.PROPERTY);

    /** Set by the local gateway for its own context, never by an operator, so the README leaves it out. */
    static final Set<String> INTERNAL = Set.of(LoopbackHostFilter.ENABLED);

    private KnownSettings() {
    }

    /** The variables the README's Configuration table lists, sorted. */
    static Set<String> documentedVariables() {
        Set<String> variables = new TreeSet<>();
        properties().stream().filter(property -> !INTERNAL.contains(property))
                .forEach(property -> variables.add(ConfigurationError.variable(property)));
        return variables;
    }

    /** Every variable some part of Switchboard reads, the internal ones included. */
    public static Set<String> variables() {
        Set<String> variables = new TreeSet<>();
        properties().forEach(property -> variables.add(ConfigurationError.variable(property)));
        return variables;
    }

    private static List<String> properties() {
        List<String> properties = new ArrayList<>();
        List<Class<? extends Record>> records = new ArrayList<>(BoundValuesCheck.CHECKED);
        records.add(SwitchboardSettings.class);
        for (Class<? extends Record> settings : records) {
            String prefix = settings.getAnnotation(ConfigurationProperties.class).value();
            for (RecordComponent component : settings.getRecordComponents()) {
                properties.add(prefix + "." + kebab(component.getName()));
            }
        }
        properties.addAll(BoundValuesCheck.CHECKED_ONE_BY_ONE.keySet());
        properties.addAll(BoundValuesCheck.EXACTLY_ONE_OF.keySet());
        properties.addAll(BoundValuesCheck.ONE_OF.keySet());
        properties.addAll(TEXT);
        properties.addAll(INTERNAL);
        return properties;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
