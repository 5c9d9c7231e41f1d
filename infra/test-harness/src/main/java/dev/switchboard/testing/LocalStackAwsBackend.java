package dev.switchboard.testing;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;

import java.net.URI;

/**
 * The opt-in backend: LocalStack in Docker serving DynamoDB and Secrets Manager, for checking behaviour the
 * in-process stand-ins might not reproduce. The image is pinned so runs are repeatable; override it with
 * the system property {@value #IMAGE_PROPERTY}.
 */
final class LocalStackAwsBackend implements AwsBackend {

    static final String IMAGE_PROPERTY = "switchboard.test.localstack.image";
    static final String DEFAULT_IMAGE = "localstack/localstack:3.8.1";

    private final LocalStackContainer container;
    private final SecretsManagerClient secrets;

    private LocalStackAwsBackend(LocalStackContainer container) {
        this.container = container;
        this.secrets = AwsClients.secretsManager(secretsManagerEndpoint());
    }

    static LocalStackAwsBackend start() {
        DockerImageName image = DockerImageName.parse(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                .asCompatibleSubstituteFor("localstack/localstack");
        LocalStackContainer container = new LocalStackContainer(image)
                .withServices(Service.DYNAMODB, Service.SECRETSMANAGER)
                .withEnv("DEFAULT_REGION", AwsClients.REGION.id());
        container.start();
        return new LocalStackAwsBackend(container);
    }

    @Override
    public URI dynamoDbEndpoint() {
        return container.getEndpointOverride(Service.DYNAMODB);
    }

    @Override
    public URI secretsManagerEndpoint() {
        return container.getEndpointOverride(Service.SECRETSMANAGER);
    }

    @Override
    public String putSecret(String name, String secretString) {
        try {
            return secrets.createSecret(b -> b.name(name).secretString(secretString)).arn();
        } catch (ResourceExistsException alreadyThere) {
            return secrets.putSecretValue(b -> b.secretId(name).secretString(secretString)).arn();
        }
    }

    @Override
    public void close() {
        try {
            secrets.close();
        } finally {
            container.stop();
        }
    }
}
