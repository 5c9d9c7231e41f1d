package dev.switchboard.api;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Turns a POST /simulate/failure body into a {@link SimulateFailureRequest}, or a 400 that names the field. */
@Singleton
public final class SimulateFailureRequestParser {

    static final int MAX_NAME = 128;
    private static final String DURATION = "duration_seconds";
    private static final Set<String> FIELDS = Set.of("provider", "model", DURATION);

    private final JsonMapper mapper;

    public SimulateFailureRequestParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public SimulateFailureRequest parse(byte[] body) {
        JsonBody json = JsonBody.parseObject(mapper, body, FIELDS);
        String provider = json.requiredText("provider", MAX_NAME);
        String model = json.optionalNode("model") == null ? null : json.requiredText("model", MAX_NAME);
        Long seconds = json.optionalLong(DURATION, SimulateFailureRequest.MIN_SECONDS,
                SimulateFailureRequest.MAX_SECONDS);
        if (seconds == null) {
            throw new InvalidRequestException(DURATION, "'" + DURATION + "' is required: whole seconds between "
                    + SimulateFailureRequest.MIN_SECONDS + " and " + SimulateFailureRequest.MAX_SECONDS);
        }
        return new SimulateFailureRequest(provider, model, seconds.intValue());
    }
}
