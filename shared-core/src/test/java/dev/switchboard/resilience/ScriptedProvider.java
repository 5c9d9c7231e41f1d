package dev.switchboard.resilience;

import dev.switchboard.testsupport.MutableClock;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderException;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A provider that plays one scripted step per call, in order, then repeats its last step. A step sends
 * some text chunks (streams only) and then answers or fails; the clock may move during a call.
 */
final class ScriptedProvider implements ChatProvider {

    /**
     * What one call does: stream these chunks ({@code eachChunkTakes} passing before each), take this
     * long, then fail with {@code failure} or answer (or, {@code withoutEnd}, return without the last chunk).
     */
    record Step(List<String> chunks, ProviderException failure, Duration takes, Duration eachChunkTakes,
                boolean withoutEnd) {

        Step(List<String> chunks, ProviderException failure, Duration takes, Duration eachChunkTakes) {
            this(chunks, failure, takes, eachChunkTakes, false);
        }

        Step(List<String> chunks, ProviderException failure, Duration takes) {
            this(chunks, failure, takes, Duration.ZERO);
        }
    }

    final List<String> calledModels = new ArrayList<>();
    /** The deadline each call carried, in order. */
    final List<java.time.Instant> deadlines = new ArrayList<>();
    /** When each call was asked to end a stream still under way (null: not asked), in order. */
    final List<java.time.Instant> streamEnds = new ArrayList<>();
    private final String name;
    private final MutableClock clock;
    private final Deque<Step> script = new ArrayDeque<>();
    private Step last = new Step(List.of("ok"), null, Duration.ZERO);

    ScriptedProvider(String name, MutableClock clock) {
        this.name = name;
        this.clock = clock;
    }

    ScriptedProvider answers(String... chunks) {
        return then(new Step(List.of(chunks), null, Duration.ZERO));
    }

    ScriptedProvider fails(ProviderException failure) {
        return then(new Step(List.of(), failure, Duration.ZERO));
    }

    ScriptedProvider failsTimes(int times, ProviderException failure) {
        for (int i = 0; i < times; i++) {
            fails(failure);
        }
        return this;
    }

    /** Streams {@code chunks} with {@code each} passing before every one of them (and before the last chunk). */
    ScriptedProvider streamsSlowly(Duration each, String... chunks) {
        return then(new Step(List.of(chunks), null, Duration.ZERO, each));
    }

    ScriptedProvider takes(Duration duration, ProviderException failure) {
        return then(new Step(List.of(), failure, duration));
    }

    /** Streams {@code chunks}, then fails before the last chunk. */
    ScriptedProvider breaksAfter(ProviderException failure, String... chunks) {
        return then(new Step(List.of(chunks), failure, Duration.ZERO));
    }

    /** Streams {@code chunks}, then returns as if done, without the last chunk: an adapter that broke its contract. */
    ScriptedProvider stopsWithoutEnding(String... chunks) {
        return then(new Step(List.of(chunks), null, Duration.ZERO, Duration.ZERO, true));
    }

    private ScriptedProvider then(Step step) {
        script.add(step);
        last = step;
        return this;
    }

    int calls() {
        return calledModels.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return ScriptedProviders.PROTOCOL;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        Step step = next(request);
        if (step.failure() != null) {
            throw step.failure();
        }
        return new ChatResponse(String.join("", step.chunks()), request.model(), new Usage(3, 2), FinishReason.STOP);
    }

    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        Step step = next(request);
        step.chunks().forEach(chunk -> {
            clock.advance(step.eachChunkTakes());
            sink.accept(StreamChunk.text(chunk));
        });
        if (step.failure() != null) {
            throw step.failure();
        }
        if (step.withoutEnd()) {
            return;
        }
        clock.advance(step.eachChunkTakes());
        sink.accept(StreamChunk.last(FinishReason.STOP, new Usage(3, step.chunks().size()), List.of()));
    }

    private Step next(ChatRequest request) {
        deadlines.add(request.deadline());
        streamEnds.add(request.streamEnd());
        calledModels.add(request.model());
        Step step = script.isEmpty() ? last : script.poll();
        clock.advance(step.takes());
        return step;
    }
}
