package dev.switchboard.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * GET /v1/models as OpenAI's Models API lists them: what a caller may put in a chat completion's
 * {@code model}: "auto" (Switchboard routes) and each configured model (pinned to its deployments).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ModelList(String object, List<Model> data) {

    public static final String LIST = "list";

    /**
     * One model. {@code created} is 0: OpenAI's is the model's release, which the configuration does not
     * know. {@code ownedBy} names the first provider configured to serve it ("switchboard" for "auto").
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Model(String id, String object, long created, String ownedBy) {

        public static final String MODEL = "model";
    }
}
