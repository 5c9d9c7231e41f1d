package dev.switchboard.service;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** The random source virtual keys are drawn from; tests replace it with a seeded one. */
@Factory
public class KeyBeans {

    public static final String KEY_RANDOM = "virtual-keys";

    /**
     * The platform's default SecureRandom: on Linux it mixes fresh bytes from the kernel into every
     * call, so instances restored from one SnapStart snapshot do not repeat each other's keys.
     */
    @Singleton
    @Named(KEY_RANDOM)
    SecureRandom keyRandom() {
        return new SecureRandom();
    }
}
