package dev.switchboard.service;

import dev.switchboard.ledger.LearnerCheckpoint;
import dev.switchboard.ledger.LearnerLesson;
import dev.switchboard.routing.learning.DifficultyLearner;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A second learner that takes each lesson in the lessons' order, (created at, lesson id), once no
 * earlier lesson can still arrive: the running learner takes lessons as they are read, and a lesson
 * written a little late comes after later ones. So this learner's state is exactly every lesson up to a
 * point of that order, which is what a {@link LearnerCheckpoint} must hold for a new instance to read on
 * from that point. Not thread-safe: its owner guards it.
 */
final class SettledLearner {

    private record Pending(double[] features, boolean weakModelFailed) {
    }

    private static final Comparator<LearnerLesson> ORDER = Comparator.comparing(LearnerLesson::createdAt)
            .thenComparing(LearnerLesson::lessonId);

    private final DifficultyLearner learner;
    private final TreeMap<LearnerLesson, Pending> pending = new TreeMap<>(ORDER);
    private Instant afterAt;
    private String afterId;
    private long lessons;

    SettledLearner(DifficultyLearner learner, Instant afterAt, String afterId, long lessons) {
        this.learner = learner;
        this.afterAt = afterAt;
        this.afterId = afterId;
        this.lessons = lessons;
    }

    /** A lesson the running learner has taken; this one takes it once it is settled. */
    void add(LearnerLesson lesson, double[] features) {
        pending.put(lesson, new Pending(features, lesson.weakModelFailed()));
    }

    /** Takes, in order, the lessons created before {@code settledBefore}: no earlier one will be read any more. */
    void settle(Instant settledBefore) {
        while (!pending.isEmpty() && pending.firstKey().createdAt().isBefore(settledBefore)) {
            Map.Entry<LearnerLesson, Pending> next = pending.pollFirstEntry();
            learner.observe(next.getValue().features(), next.getValue().weakModelFailed());
            afterAt = next.getKey().createdAt();
            afterId = next.getKey().lessonId();
            lessons++;
        }
    }

    long lessons() {
        return lessons;
    }

    LearnerCheckpoint checkpoint(String id, Instant now, String origin) {
        return new LearnerCheckpoint(id, now, afterAt, afterId, lessons, origin, learner.toBytes());
    }
}
