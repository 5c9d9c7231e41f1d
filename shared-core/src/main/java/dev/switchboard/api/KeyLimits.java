package dev.switchboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** A virtual key's own requests and tokens per minute; null is no limit of the key's own. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KeyLimits(Long rpm, Long tpm) {

    public static final KeyLimits NONE = new KeyLimits(null, null);
}
