package dev.switchboard.secrets;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * With {@code switchboard.ledger.credentials-secret} set (SWITCHBOARD_LEDGER_CREDENTIALS_SECRET), the
 * ledger's user and password come from that Secrets Manager secret when the data source is configured,
 * so they never sit in the function's environment or a file. Read once per start, and again after each
 * SnapStart restore ({@link LedgerCredentialsRestore}). An unreadable secret stops start-up, naming it,
 * as an unreachable ledger does.
 */
@Singleton
// Set but empty (application.yml maps the variable with an empty default) means "not used".
@Requires(property = LedgerCredentialsInjector.PROPERTY, pattern = ".+")
public class LedgerCredentialsInjector implements BeanCreatedEventListener<DatasourceConfiguration> {

    static final String PROPERTY = "switchboard.ledger.credentials-secret";

    private final String secretName;
    private final SecretsManagerSettings settings;
    private final JsonMapper json;

    public LedgerCredentialsInjector(@Value("${" + PROPERTY + "}") String secretName, SecretsManagerSettings settings,
                                     JsonMapper json) {
        this.secretName = secretName;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        LedgerCredentials credentials = LedgerCredentialsReader.readOnce(settings, json, secretName);
        datasource.setUsername(credentials.username());
        datasource.setPassword(credentials.password());
        return datasource;
    }
}
