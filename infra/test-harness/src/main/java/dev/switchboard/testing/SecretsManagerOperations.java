package dev.switchboard.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Secrets Manager operations the server answers, as JSON in and JSON out, with the member names and
 * shapes of the AWS API reference (GetSecretValue, ListSecrets).
 */
final class SecretsManagerOperations {

    static final String CURRENT_STAGE = "AWSCURRENT";
    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final String TOKEN_PREFIX = "offset:";

    private final SecretStore store;
    private final ObjectMapper json;

    SecretsManagerOperations(SecretStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    ObjectNode getSecretValue(JsonNode request) {
        String secretId = request.path("SecretId").asText("");
        if (secretId.isEmpty()) {
            throw SecretsManagerError.validation("SecretId is required.");
        }
        StoredSecret secret = store.find(secretId).orElseThrow(SecretsManagerError::secretNotFound);
        // Only the current version is kept, so asking for any other version or stage finds nothing, as on AWS.
        String versionId = request.path("VersionId").asText(secret.versionId());
        String stage = request.path("VersionStage").asText(CURRENT_STAGE);
        if (!versionId.equals(secret.versionId()) || !CURRENT_STAGE.equals(stage)) {
            throw SecretsManagerError.versionNotFound();
        }
        ObjectNode response = json.createObjectNode();
        response.put("ARN", secret.arn());
        response.put("Name", secret.name());
        response.put("VersionId", secret.versionId());
        response.put("SecretString", secret.secretString());
        response.putArray("VersionStages").add(CURRENT_STAGE);
        // GetSecretValue's CreatedDate is when this version was created, not the secret.
        response.put("CreatedDate", epochSeconds(secret.lastChangedDate()));
        return response;
    }

    ObjectNode listSecrets(JsonNode request) {
        int pageSize = pageSize(request.path("MaxResults"));
        int offset = offset(request.path("NextToken"));
        List<StoredSecret> matching = store.all().stream()
                .filter(NameFilters.parse(request.get("Filters")))
                .collect(Collectors.toList());
        if ("desc".equals(request.path("SortOrder").asText("asc"))) {
            Collections.reverse(matching);
        }

        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("SecretList");
        int end = Math.min(matching.size(), offset + pageSize);
        for (StoredSecret secret : matching.subList(Math.min(offset, matching.size()), end)) {
            list.add(listEntry(secret));
        }
        if (end < matching.size()) {
            response.put("NextToken", token(end));
        }
        return response;
    }

    private ObjectNode listEntry(StoredSecret secret) {
        ObjectNode entry = json.createObjectNode();
        entry.put("ARN", secret.arn());
        entry.put("Name", secret.name());
        entry.put("CreatedDate", epochSeconds(secret.createdDate()));
        entry.put("LastChangedDate", epochSeconds(secret.lastChangedDate()));
        entry.putObject("SecretVersionsToStages").putArray(secret.versionId()).add(CURRENT_STAGE);
        return entry;
    }

    private static int pageSize(JsonNode maxResults) {
        if (maxResults.isMissingNode() || maxResults.isNull()) {
            return DEFAULT_PAGE_SIZE;
        }
        int size = maxResults.asInt(0);
        if (size < 1 || size > 100) {
            throw SecretsManagerError.validation("MaxResults must be between 1 and 100.");
        }
        return size;
    }

    /** Tokens are opaque to clients; here they carry the index of the next entry. */
    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(JsonNode nextToken) {
        if (nextToken.isMissingNode() || nextToken.isNull()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nextToken.asText()), StandardCharsets.UTF_8);
            if (!decoded.startsWith(TOKEN_PREFIX)) {
                throw SecretsManagerError.invalidNextToken();
            }
            int offset = Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            if (offset < 0) {
                throw SecretsManagerError.invalidNextToken();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw SecretsManagerError.invalidNextToken();
        }
    }

    /** The JSON protocol sends timestamps as epoch seconds with a fractional part. */
    private static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
