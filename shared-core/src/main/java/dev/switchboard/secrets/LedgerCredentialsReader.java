package dev.switchboard.secrets;

import dev.switchboard.config.ConfigurationError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;

/**
 * Reads the ledger's credentials from a Secrets Manager secret holding a JSON object with "username"
 * and "password" (the shape RDS gives the secrets it manages; other fields such as host are ignored).
 * Every failure names the secret and what is wrong with it, never what it holds.
 */
public final class LedgerCredentialsReader {

    private final SecretsManagerClient client;
    private final JsonMapper json;

    public LedgerCredentialsReader(SecretsManagerClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    /** One read with a client of its own, closed at once: the secret is read at start-up and after a restore. */
    public static LedgerCredentials readOnce(SecretsManagerSettings settings, JsonMapper json, String secretName) {
        try (SecretsManagerClient client = SecretsManagerClients.create(settings)) {
            return new LedgerCredentialsReader(client, json).read(secretName);
        }
    }

    public LedgerCredentials read(String secretName) {
        String text;
        try {
            text = client.getSecretValue(r -> r.secretId(secretName)).secretString();
        } catch (SdkException e) {
            throw unusable(secretName, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
        if (text == null) {
            throw unusable(secretName, "holds no string (a binary secret)");
        }
        JsonNode fields;
        try {
            fields = json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw unusable(secretName, "is not a JSON object");
        }
        if (fields == null || !fields.isObject()) {
            throw unusable(secretName, "is not a JSON object");
        }
        String username = text(fields, "username");
        String password = text(fields, "password");
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw unusable(secretName, "needs the string fields \"username\" and \"password\"");
        }
        return new LedgerCredentials(username, password);
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    private static ConfigurationError unusable(String secretName, String problem) {
        return new ConfigurationError("switchboard.ledger.credentials-secret (SWITCHBOARD_LEDGER_CREDENTIALS_SECRET): "
                + "the secret '" + secretName + "' " + problem);
    }
}
