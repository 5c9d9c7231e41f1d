package dev.switchboard.testing;

import dev.switchboard.localaws.DynamoDbLocalServer;

import java.net.URI;

/** The default backend: DynamoDB Local and {@link SecretsManagerTestServer}, both inside the test JVM. */
final class LocalAwsBackend implements AwsBackend {

    private final DynamoDbLocalServer dynamoDb;
    private final SecretsManagerTestServer secretsManager;

    private LocalAwsBackend(DynamoDbLocalServer dynamoDb, SecretsManagerTestServer secretsManager) {
        this.dynamoDb = dynamoDb;
        this.secretsManager = secretsManager;
    }

    static LocalAwsBackend start() {
        DynamoDbLocalServer dynamoDb = DynamoDbLocalServer.start();
        try {
            return new LocalAwsBackend(dynamoDb, SecretsManagerTestServer.start());
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
    }

    @Override
    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    @Override
    public URI secretsManagerEndpoint() {
        return secretsManager.endpoint();
    }

    @Override
    public String putSecret(String name, String secretString) {
        return secretsManager.putSecret(name, secretString);
    }

    @Override
    public void close() {
        try {
            secretsManager.close();
        } finally {
            dynamoDb.close();
        }
    }
}
