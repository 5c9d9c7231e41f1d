package dev.switchboard.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.crac.Core;
import org.crac.Resource;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The uniform draws in [0, 1) that the shuffle and weighted strategies spread requests with. Each draw
 * is a thread-local draw shifted by this instance's own offset (modulo 1, still uniform). Instances
 * restored from one SnapStart snapshot share ThreadLocalRandom's seeding state, so without the offset
 * they would draw the same sequences and pick the same deployments in step; the offset is drawn again
 * after every restore.
 */
@Singleton
public class UniformDraws implements DoubleSupplier, Resource {

    private static final double SCALE = 0x1.0p-53;

    private final LongSupplier seeds;
    private volatile double offset;

    /** CRaC holds its resources weakly: this bean, held by the application context, keeps itself alive. */
    @Inject
    public UniformDraws() {
        this(new SecureRandom()::nextLong, Core.getGlobalContext());
    }

    UniformDraws(LongSupplier seeds, org.crac.Context<Resource> crac) {
        this.seeds = seeds;
        this.offset = draw(seeds);
        crac.register(this);
    }

    @Override
    public double getAsDouble() {
        double shifted = ThreadLocalRandom.current().nextDouble() + offset;
        return shifted >= 1.0 ? shifted - 1.0 : shifted;
    }

    /** The offset in use: for tests. */
    double offset() {
        return offset;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        // Nothing to release.
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        offset = draw(seeds);
    }

    private static double draw(LongSupplier seeds) {
        return (seeds.getAsLong() >>> 11) * SCALE;
    }
}
