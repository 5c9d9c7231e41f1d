package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * POST /keys' answer, the only place the clear key ever appears. {@code budget} is the caps that
 * apply (seed 002's default when the request set none); {@code createdAt} and {@code expiresAt} (null:
 * until revoked) are ISO-8601; {@code models} is null when the key may use every model.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreatedKeyResponse(String key, String id, String user, String name, KeyBudget budget, KeyLimits limits,
                                 String createdAt, String expiresAt, List<String> models) {

    /** Without the key: a record's default text would put it in any log line that prints this. */
    @Override
    public String toString() {
        return "CreatedKeyResponse[id=" + id + ", user=" + user + ", name=" + name + "]";
    }
}
