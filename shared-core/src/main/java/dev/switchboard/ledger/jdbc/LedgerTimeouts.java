package dev.switchboard.ledger.jdbc;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bounds every wait on the ledger, so that a ledger outage costs a request seconds, not the pool's
 * 30 s default wait for a connection (longer than API Gateway waits): a connection is waited for at most
 * {@code switchboard.ledger.connect-timeout}, and on PostgreSQL connecting and logging in are bounded
 * too (pgjdbc's connectTimeout and loginTimeout), a statement by the server's statement_timeout (the
 * query timeout: the server stops it, where a client that only stopped reading would leave it running),
 * and each read of an answer by pgjdbc's socketTimeout, a little longer, in case the server cannot
 * answer at all. A JDBC URL that sets one of these keeps its own; one with its own {@code options} (a
 * search_path) gets the statement timeout and the plan setting added to them, unless it sets them itself.
 */
@Singleton
public class LedgerTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    /** How much longer than a statement may run the client waits for an answer before giving the server up. */
    static final long SOCKET_BACKSTOP_SECONDS = 5;
    /** HikariCP refuses to wait less for a connection. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(250);

    private final Duration connect;
    private final Duration query;

    public LedgerTimeouts(@Value("${switchboard.ledger.connect-timeout:2s}") Duration connect,
                          @Value("${switchboard.ledger.query-timeout:10s}") Duration query) {
        if (connect.compareTo(SHORTEST_WAIT) < 0 || query.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ConfigurationError("SWITCHBOARD_LEDGER_CONNECT_TIMEOUT must be at least "
                    + "250ms and SWITCHBOARD_LEDGER_QUERY_TIMEOUT at least 1s (got " + connect + ", " + query + ")");
        }
        this.connect = connect;
        this.query = query;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        return apply(event.getBean());
    }

    DatasourceConfiguration apply(DatasourceConfiguration datasource) {
        datasource.setConnectionTimeout(connect.toMillis());
        datasource.setValidationTimeout(Math.min(connect.toMillis(), Duration.ofSeconds(1).toMillis()));
        String url = datasource.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            // pgjdbc takes whole seconds; 0 would mean "no limit".
            long connectSeconds = Math.max(1, connect.toSeconds());
            setUnlessInUrl(datasource, url, "connectTimeout", connectSeconds);
            setUnlessInUrl(datasource, url, "loginTimeout", connectSeconds);
            setUnlessInUrl(datasource, url, "socketTimeout", Math.max(1, query.toSeconds()) + SOCKET_BACKSTOP_SECONDS);
            // A plan per call: the analytics' "everyone or one principal" filter otherwise gets, after five calls
            // on a connection, one generic plan that scans every principal's rows for one.
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("statement_timeout", Long.toString(query.toMillis()));
            settings.put("plan_cache_mode", "force_custom_plan");
            if (PgUrlOptions.given(url)) {
                // pgjdbc reads the URL's options over a property's: the settings go into the URL's, beside its own.
                datasource.setUrl(PgUrlOptions.with(url, settings));
            } else {
                datasource.addDataSourceProperty("options", PgUrlOptions.format(settings));
            }
        }
        return datasource;
    }

    private static void setUnlessInUrl(DatasourceConfiguration datasource, String url, String property, long seconds) {
        if (!url.toLowerCase(Locale.ROOT).contains(property.toLowerCase(Locale.ROOT) + "=")) {
            datasource.addDataSourceProperty(property, Long.toString(seconds));
        }
    }
}
