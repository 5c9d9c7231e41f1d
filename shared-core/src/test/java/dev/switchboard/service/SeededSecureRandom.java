package dev.switchboard.service;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/** A SecureRandom whose bytes follow a seed, so that generated keys are the same on every run. */
final class SeededSecureRandom extends SecureRandom {

    private final SplittableRandom bytes;

    SeededSecureRandom(long seed) {
        this.bytes = new SplittableRandom(seed);
    }

    @Override
    public synchronized void nextBytes(byte[] out) {
        bytes.nextBytes(out);
    }
}
