package dev.switchboard.testing;

import java.net.URI;

/** Where tests' AWS calls go: the in-process stand-ins, or LocalStack in Docker. */
interface AwsBackend extends AutoCloseable {

    URI dynamoDbEndpoint();

    URI secretsManagerEndpoint();

    /** Creates or updates the secret; returns its ARN. */
    String putSecret(String name, String secretString);

    @Override
    void close();
}
