package dev.switchboard.testing;

import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.util.Map;

/**
 * The one place tests get AWS from. By default a JVM-wide DynamoDB Local and {@link SecretsManagerTestServer},
 * started on first use and stopped when the JVM exits; with {@code -Dswitchboard.test.backend=localstack}
 * (the root pom's {@code localstack} profile) or {@code SWITCHBOARD_TEST_BACKEND=localstack}, LocalStack in
 * Docker instead, failing if Docker is not there.
 */
public final class TestAws {

    private static AwsBackend backend;
    private static AwsBackendKind kind;

    private TestAws() {
    }

    private static synchronized AwsBackend backend() {
        if (backend == null) {
            AwsBackendKind selected = AwsBackendKind.select(System.getProperties(), System.getenv());
            AwsBackend started = AwsBackends.start(selected, () -> DockerClientFactory.instance().isDockerAvailable());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-aws-stop"));
            kind = selected;
            backend = started;
        }
        return backend;
    }

    /** {@code local} or {@code localstack}: which backend this JVM's tests run against. */
    public static String backendName() {
        backend();
        return kind.setting();
    }

    public static URI dynamoDbEndpoint() {
        return backend().dynamoDbEndpoint();
    }

    public static URI secretsManagerEndpoint() {
        return backend().secretsManagerEndpoint();
    }

    public static String region() {
        return AwsClients.REGION.id();
    }

    /** Creates the secret, or gives it a new value; returns its ARN. */
    public static String putSecret(String name, String secretJson) {
        return backend().putSecret(name, secretJson);
    }

    /**
     * What a Micronaut test context needs to talk to this backend: the gateway's own DynamoDB endpoint
     * setting, the region, and Micronaut AWS's endpoint overrides.
     */
    public static Map<String, Object> micronautProperties() {
        String dynamoDb = dynamoDbEndpoint().toString();
        return Map.of(
                "switchboard.dynamodb.endpoint", dynamoDb,
                "aws.region", region(),
                "aws.services.dynamodb.endpoint-override", dynamoDb,
                "aws.services.secretsmanager.endpoint-override", secretsManagerEndpoint().toString());
    }

    /** A new client on this backend with dummy credentials; the caller closes it. */
    public static DynamoDbClient dynamoDbClient() {
        return AwsClients.dynamoDb(dynamoDbEndpoint());
    }

    /** A new client on this backend with dummy credentials; the caller closes it. */
    public static SecretsManagerClient secretsManagerClient() {
        return AwsClients.secretsManager(secretsManagerEndpoint());
    }
}
