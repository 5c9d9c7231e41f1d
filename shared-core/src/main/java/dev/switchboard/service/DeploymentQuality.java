package dev.switchboard.service;

import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.RequestLedger;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Seed 001's {@code quality_score} of a deployment: what its users said of its answers over the last
 * {@link #WINDOW}, from 0 to 1. A quality score counts as given; a rating of 1 to 5 as (rating - 1) / 4;
 * both kinds are averaged by how many of each there were. Unknown (null) until someone gave feedback.
 * Read from the ledger at most once a {@link #MAX_AGE}, in the background: a preview waits for the
 * ledger only on an instance's first read, and then at most {@link #FIRST_READ_WAIT}, so that the first
 * preview of a fresh instance (every Lambda instance's) is not told a rated deployment has no score.
 */
@Singleton
public class DeploymentQuality {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentQuality.class);
    static final Duration WINDOW = Duration.ofDays(30);
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final Duration FIRST_READ_WAIT = Duration.ofMillis(250);

    private final RequestLedger ledger;
    private final Clock clock;
    private final Executor reader;
    private final Duration firstReadWait;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Map<String, Double> byLabel = Map.of();
    private volatile Instant readAt;

    @Inject
    public DeploymentQuality(RequestLedger ledger, Clock clock, @Named(TaskExecutors.IO) Executor reader) {
        this(ledger, clock, reader, FIRST_READ_WAIT);
    }

    DeploymentQuality(RequestLedger ledger, Clock clock, Executor reader, Duration firstReadWait) {
        this.ledger = ledger;
        this.clock = clock;
        this.reader = reader;
        this.firstReadWait = firstReadWait;
    }

    /** Reads on the calling thread: for tests. */
    public DeploymentQuality(RequestLedger ledger, Clock clock) {
        this(ledger, clock, Runnable::run);
    }

    /** The deployment's quality score, or null while nobody has said anything of it. */
    public Double of(String provider, String model) {
        return lookup(provider, model, firstReadWait);
    }

    /**
     * The deployment's quality score as last read, never waiting for the ledger (an answer's metadata):
     * null also before this instance's first read has finished, which this starts when due.
     */
    public Double asLastRead(String provider, String model) {
        return lookup(provider, model, Duration.ZERO);
    }

    private Double lookup(String provider, String model, Duration firstWait) {
        Instant now = clock.instant();
        Instant last = readAt;
        if ((last == null || !now.isBefore(last.plus(MAX_AGE))) && reading.compareAndSet(false, true)) {
            readAt = now;
            if (!BoundedReads.start(reader, () -> read(now), last == null ? firstWait : Duration.ZERO)) {
                reading.set(false);
            }
        }
        return byLabel.get(provider + "/" + model);
    }

    private void read(Instant now) {
        try {
            Map<String, Double> scores = new HashMap<>();
            for (ProviderQuality q : ledger.routingQuality(now.minus(WINDOW))) {
                Double score = score(q);
                if (score != null) {
                    scores.put(q.provider() + "/" + q.model(), score);
                }
            }
            byLabel = Map.copyOf(scores);
        } catch (RuntimeException e) {
            LOG.warn("feedback quality could not be read from the ledger: {}", e.getClass().getSimpleName());
        } finally {
            reading.set(false);
        }
    }

    static Double score(ProviderQuality q) {
        double sum = 0;
        long count = 0;
        if (q.avgQualityScore() != null && q.scores() > 0) {
            sum += q.avgQualityScore() * q.scores();
            count += q.scores();
        }
        if (q.avgRating() != null && q.ratings() > 0) {
            sum += (q.avgRating() - 1) / 4 * q.ratings();
            count += q.ratings();
        }
        return count == 0 ? null : Math.round(sum / count * 1000) / 1000.0;
    }
}
