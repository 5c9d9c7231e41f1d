package dev.switchboard.service;

import dev.switchboard.ledger.LearnerCheckpoint;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.routing.learning.DifficultyEstimate;
import dev.switchboard.routing.learning.DifficultyLearner;
import dev.switchboard.routing.learning.FeatureVector;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Makes the difficulty learner's lessons shared between instances. On Lambda the instance that takes a
 * POST /feedback is rarely the one that routes the next request (and recommend and decision are other
 * functions), so the ledger is the source of truth: every feedback row that teaches names its outcome and
 * joins its request row, which keeps the prompt's learner features, and a request row whose own answer
 * was an {@link ObservedFailure} names its outcome itself. Every instance, the one that received the
 * feedback or the answer included, reads the lessons newer than what it has applied and teaches its own
 * learner with them in (created at, lesson id) order. So all instances learn the same lessons in nearly the same order,
 * through one path, and none twice. (A learner state in DynamoDB with versioned conditional writes was
 * the alternative: it adds a hot item every instance rewrites, and a lost race means re-reading and
 * re-applying anyway; the ledger already holds every lesson.)
 *
 * <p>Reads happen at most once a {@link #MAX_AGE}, on the IO executor, started by a routing estimate:
 * never on the request's thread, and a ledger outage only delays learning. Each read starts
 * {@link #LATE_WINDOW} before the newest lesson applied, so that a row written a little late (another
 * instance's clock behind, a slow commit) is still learned; the ids applied within that window are
 * remembered, so such a re-read applies nothing twice.
 *
 * <p>A new instance does not read every lesson the ledger holds: every {@link #CHECKPOINT_EVERY} one
 * instance saves a {@link LearnerCheckpoint}, the state of a {@link SettledLearner} (every lesson up to a
 * point of the lessons' order, and none after it), and a new instance starts from the newest one and
 * reads the lessons after that point. A checkpoint learned with other settings is not used.
 */
@Singleton
public class LedgerLearning {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerLearning.class);
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    static final Duration LATE_WINDOW = LearnerLesson.LATE_WINDOW;
    static final int PAGE = 500;
    static final Duration CHECKPOINT_EVERY = Duration.ofMinutes(10);

    /** The learner routing estimates with; replaced once, by the state of a checkpoint, before any lesson. */
    private volatile DifficultyLearner learner;
    private final Supplier<RequestLedger> ledger;
    private final Clock clock;
    private final Executor reader;
    private final DifficultyLearner routed = new Routed();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Instant readAt;
    /** The created-at of the newest lesson applied; guarded by this. */
    private Instant watermark = Instant.EPOCH;
    /** Lessons applied that a read may still return (created within the late window); guarded by this. */
    private final Map<String, Instant> applied = new HashMap<>();
    /**
     * The requests those lessons were about. Two instances taking feedback on one request at once can
     * both record a lesson, and the one created first may commit last, after this instance applied the
     * other: the request has then taught here already.
     */
    private final Map<String, Instant> appliedRequests = new HashMap<>();
    private long lessonsApplied;
    /** Every lesson in order up to a point, for checkpoints; null when this kind of learner cannot be restored. */
    private SettledLearner settled;
    /** No read starts before this point: the lessons up to it came with the checkpoint. */
    private Instant floorAt = Instant.EPOCH;
    private String floorId = "";
    private boolean restoreTried;
    /** A digest of the state this learner started from: checkpoints grown from another start are not taken. */
    private final String origin;
    private Instant checkpointTriedAt;

    /** The ledger is looked up when first read, so that start-up does not wait for the database. */
    @Inject
    public LedgerLearning(LearningProperties learning, Provider<RequestLedger> ledger, Clock clock,
                          @Named(TaskExecutors.IO) Executor reader) {
        this(learning.learner(), ledger::get, clock, reader);
    }

    /** Teaches {@code learner}; with {@code Runnable::run} as the reader, reads on the calling thread (tests). */
    public LedgerLearning(DifficultyLearner learner, Supplier<RequestLedger> ledger, Clock clock, Executor reader) {
        this.learner = learner;
        this.ledger = ledger;
        this.clock = clock;
        this.reader = reader;
        byte[] start = learner.toBytes();
        this.origin = digest(start);
        this.settled = learner.restore(start)
                .map(fresh -> new SettledLearner(fresh, Instant.EPOCH, "", 0)).orElse(null);
    }

    /** The learner routing estimates with: each estimate first starts a read of the ledger when one is due. */
    public DifficultyLearner learner() {
        return routed;
    }

    /** Starts a read in the background when the last one is {@link #MAX_AGE} old (or there was none). */
    public void refreshIfDue() {
        Instant now = clock.instant();
        Instant last = readAt;
        if ((last == null || !now.isBefore(last.plus(MAX_AGE))) && reading.compareAndSet(false, true)) {
            readAt = now;
            try {
                reader.execute(() -> {
                    try {
                        refresh();
                    } finally {
                        reading.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                reading.set(false);
            }
        }
    }

    /**
     * Reads every lesson not applied yet and teaches the learner with it, on the calling thread; returns
     * how many it applied. A ledger failure is logged (by kind only) and leaves the rest for the next read.
     */
    public synchronized int refresh() {
        int taught = 0;
        try {
            if (!restoreTried) {
                restoreFromCheckpoint();
                restoreTried = true;
            }
            Instant afterAt = watermark.minus(LATE_WINDOW);
            String afterId = "";
            if (!afterAt.isAfter(floorAt)) {
                afterAt = floorAt;
                afterId = floorId;
            }
            List<LearnerLesson> page;
            do {
                page = ledger.get().learnerLessons(afterAt, afterId, PAGE);
                for (LearnerLesson lesson : page) {
                    taught += apply(lesson) ? 1 : 0;
                    afterAt = lesson.createdAt();
                    afterId = lesson.lessonId();
                }
                // Per page: a cold instance replays every lesson in the ledger, and remembering them all
                // until the end of the read would hold millions of ids.
                forgetOutsideLateWindow();
            } while (page.size() == PAGE);
        } catch (RuntimeException e) {
            LOG.warn("learner lessons could not be read from the ledger: {}", e.getClass().getSimpleName());
            return taught;
        } finally {
            forgetOutsideLateWindow();
        }
        checkpointIfDue();
        return taught;
    }

    /** Before the first lesson: the newest checkpoint's state, and reads from its point on. */
    private void restoreFromCheckpoint() {
        if (settled == null || lessonsApplied > 0) {
            return;
        }
        Optional<LearnerCheckpoint> newest = ledger.get().newestLearnerCheckpoint(origin);
        if (newest.isEmpty()) {
            return;
        }
        LearnerCheckpoint checkpoint = newest.get();
        Optional<DifficultyLearner> running = learner.restore(checkpoint.state());
        Optional<DifficultyLearner> inOrder = learner.restore(checkpoint.state());
        if (running.isEmpty() || inOrder.isEmpty()) {
            LOG.info("learner checkpoint {} was learned with other settings: every lesson is read instead",
                    checkpoint.id());
            return;
        }
        learner = running.get();
        settled = new SettledLearner(inOrder.get(), checkpoint.afterAt(), checkpoint.afterId(), checkpoint.lessons());
        floorAt = checkpoint.afterAt();
        floorId = checkpoint.afterId();
        watermark = checkpoint.afterAt();
        lessonsApplied = checkpoint.lessons();
        LOG.info("learner starts from checkpoint {} ({} lessons)", checkpoint.id(), checkpoint.lessons());
    }

    /**
     * Saves the settled state at most once a {@link #CHECKPOINT_EVERY} per instance, and only when no
     * instance saved one as far along within that time. A failure is logged: the next one is tried later.
     */
    private void checkpointIfDue() {
        Instant now = clock.instant();
        if (settled == null || settled.lessons() == 0
                || (checkpointTriedAt != null && now.isBefore(checkpointTriedAt.plus(CHECKPOINT_EVERY)))) {
            return;
        }
        checkpointTriedAt = now;
        try {
            Optional<LearnerCheckpoint> newest = ledger.get().newestLearnerCheckpoint(origin);
            if (newest.isPresent() && (newest.get().lessons() >= settled.lessons()
                    || now.isBefore(newest.get().createdAt().plus(CHECKPOINT_EVERY)))) {
                return;
            }
            LearnerCheckpoint checkpoint = settled.checkpoint(UUID.nameUUIDFromBytes(
                    (settled.lessons() + "|" + now).getBytes(StandardCharsets.UTF_8)).toString(), now, origin);
            ledger.get().saveLearnerCheckpoint(checkpoint);
        } catch (RuntimeException e) {
            LOG.warn("learner checkpoint could not be saved: {}", e.getClass().getSimpleName());
        }
    }

    /** Forgets the lessons no read can return again: those created before the late window of the newest. */
    private void forgetOutsideLateWindow() {
        Instant forgetBefore = watermark.minus(LATE_WINDOW);
        if (settled != null) {
            settled.settle(forgetBefore);
        }
        applied.values().removeIf(at -> at.isBefore(forgetBefore));
        appliedRequests.values().removeIf(at -> at.isBefore(forgetBefore));
    }

    /** How many lessons this instance's learner has taken from the ledger since start-up. */
    public synchronized long lessonsApplied() {
        return lessonsApplied;
    }

    /** How many applied lessons this instance remembers so that a re-read applies none twice. */
    synchronized int remembered() {
        return applied.size();
    }

    private boolean apply(LearnerLesson lesson) {
        if (applied.putIfAbsent(lesson.lessonId(), lesson.createdAt()) != null
                || appliedRequests.putIfAbsent(lesson.requestId(), lesson.createdAt()) != null) {
            return false;
        }
        // Never past this instance's own now: a lesson stamped by an instance whose clock runs fast would
        // otherwise move the read window past lessons still to come from the others.
        Instant seen = lesson.createdAt().isAfter(clock.instant()) ? clock.instant() : lesson.createdAt();
        if (seen.isAfter(watermark)) {
            watermark = seen;
        }
        Optional<double[]> features = LearnerFeatureText.decode(lesson.learnerFeatures());
        if (features.isEmpty()) {
            // Lessons are only recorded when the features decoded, so this is a row from elsewhere: skipped, once.
            return false;
        }
        learner.observe(features.get(), lesson.weakModelFailed());
        if (settled != null) {
            settled.add(lesson, features.get());
        }
        lessonsApplied++;
        return true;
    }

    private static String digest(byte[] state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The learner as routing sees it: the one taught here, refreshed from the ledger as estimates ask. */
    private final class Routed implements DifficultyLearner {

        @Override
        public void observe(String prompt, boolean weakModelFailed) {
            learner.observe(prompt, weakModelFailed);
        }

        @Override
        public void observe(double[] features, boolean weakModelFailed) {
            learner.observe(features, weakModelFailed);
        }

        @Override
        public DifficultyEstimate estimate(String prompt) {
            refreshIfDue();
            return learner.estimate(prompt);
        }

        @Override
        public DifficultyEstimate estimate(String prompt, FeatureVector features) {
            refreshIfDue();
            return learner.estimate(prompt, features);
        }

        @Override
        public byte[] toBytes() {
            return learner.toBytes();
        }
    }
}
