package dev.switchboard.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsManagerTestServerTest {

    private static SecretsManagerTestServer server;
    private static SecretsManagerClient client;

    @BeforeAll
    static void start() {
        server = SecretsManagerTestServer.start();
        client = AwsClients.secretsManager(server.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void returnsTheSecretByNameAndByArn() {
        Instant before = Instant.now().minusSeconds(1);
        String arn = server.putSecret("switchboard/providers/openai", "{\"apiKey\":\"sk-test\"}");

        GetSecretValueResponse byName = client.getSecretValue(b -> b.secretId("switchboard/providers/openai"));
        assertEquals(arn, byName.arn());
        assertEquals("switchboard/providers/openai", byName.name());
        assertEquals("{\"apiKey\":\"sk-test\"}", byName.secretString());
        assertEquals(List.of("AWSCURRENT"), byName.versionStages());
        assertTrue(byName.versionId() != null && !byName.versionId().isEmpty());
        assertTrue(byName.createdDate().isAfter(before) && byName.createdDate().isBefore(Instant.now().plusSeconds(1)));

        GetSecretValueResponse byArn = client.getSecretValue(b -> b.secretId(arn));
        assertEquals("{\"apiKey\":\"sk-test\"}", byArn.secretString());
        assertTrue(arn.startsWith("arn:aws:secretsmanager:us-east-1:000000000000:secret:switchboard/providers/openai-"));
    }

    @Test
    void updatingKeepsTheArnAndMakesANewVersion() {
        String arn = server.putSecret("switchboard/rotating", "{\"v\":1}");
        String firstVersion = client.getSecretValue(b -> b.secretId(arn)).versionId();

        assertEquals(arn, server.putSecret("switchboard/rotating", "{\"v\":2}"));
        GetSecretValueResponse current = client.getSecretValue(b -> b.secretId("switchboard/rotating"));
        assertEquals("{\"v\":2}", current.secretString());
        assertNotEquals(firstVersion, current.versionId());
        assertThrows(ResourceNotFoundException.class,
                () -> client.getSecretValue(b -> b.secretId(arn).versionId(firstVersion)));
    }

    @Test
    void listsByNamePrefixAcrossPages() {
        for (int i = 1; i <= 5; i++) {
            server.putSecret("/config/paging/secret-" + i, "{}");
        }
        server.putSecret("/config/other/secret", "{}");

        List<String> names = new ArrayList<>();
        String nextToken = null;
        int pages = 0;
        do {
            String token = nextToken;
            ListSecretsResponse page = client.listSecrets(b -> b.maxResults(2).nextToken(token)
                    .filters(f -> f.key(FilterNameStringType.NAME).values("/config/paging/")));
            assertTrue(page.secretList().size() <= 2);
            page.secretList().forEach(entry -> assertTrue(entry.arn().contains(":secret:/config/paging/")));
            names.addAll(page.secretList().stream().map(SecretListEntry::name).collect(Collectors.toList()));
            nextToken = page.nextToken();
            pages++;
        } while (nextToken != null);

        assertEquals(3, pages);
        assertEquals(List.of("/config/paging/secret-1", "/config/paging/secret-2", "/config/paging/secret-3",
                "/config/paging/secret-4", "/config/paging/secret-5"), names);
    }

    @Test
    void nameFilterIsACaseSensitivePrefixAndSupportsNegation() {
        server.putSecret("/config/filtering/keep", "{}");
        server.putSecret("/config/filtering/skip", "{}");

        assertTrue(client.listSecrets(b -> b.filters(f -> f.key(FilterNameStringType.NAME)
                .values("/CONFIG/filtering/"))).secretList().isEmpty());
        List<String> names = client.listSecrets(b -> b.filters(
                        f -> f.key(FilterNameStringType.NAME).values("/config/filtering/"),
                        f -> f.key(FilterNameStringType.NAME).values("!/config/filtering/skip")))
                .secretList().stream().map(SecretListEntry::name).collect(Collectors.toList());
        assertEquals(List.of("/config/filtering/keep"), names);
    }

    @Test
    void aMissingSecretIsResourceNotFound() {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> client.getSecretValue(b -> b.secretId("no/such/secret")));
        assertEquals(400, missing.statusCode());
        assertEquals("Secrets Manager can't find the specified secret.", missing.awsErrorDetails().errorMessage());
        assertEquals("ResourceNotFoundException", missing.awsErrorDetails().errorCode());
    }

    @Test
    void anUnknownOperationIsRejected() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "secretsmanager.DeleteSecret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"SecretId\":\"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals("application/x-amz-json-1.1", response.headers().firstValue("Content-Type").orElse(null));
        assertTrue(response.body().contains("\"__type\":\"UnknownOperationException\""), response.body());
    }

    @Test
    void aLastPageHasNoNextToken() {
        server.putSecret("/config/single/only", "{}");
        ListSecretsResponse page = client.listSecrets(b -> b.filters(
                f -> f.key(FilterNameStringType.NAME).values("/config/single/")));
        assertEquals(1, page.secretList().size());
        assertNull(page.nextToken());
    }
}
