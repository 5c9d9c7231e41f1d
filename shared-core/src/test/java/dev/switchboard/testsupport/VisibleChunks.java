package dev.switchboard.testsupport;

import dev.switchboard.provider.StreamChunk;

import java.util.List;
import java.util.function.Consumer;

/** Stream sinks for adapter tests that hold what a caller would see apart from a stream's progress chunks. */
public final class VisibleChunks {

    private VisibleChunks() {
    }

    /** Keeps the text chunks and the last one in {@code visible}; drops progress. */
    public static Consumer<StreamChunk> into(List<StreamChunk> visible) {
        return into(visible, null);
    }

    /** Keeps the text chunks and the last one in {@code visible}, and progress chunks in {@code progress}. */
    public static Consumer<StreamChunk> into(List<StreamChunk> visible, List<StreamChunk> progress) {
        return chunk -> {
            if (!chunk.isProgress()) {
                visible.add(chunk);
            } else if (progress != null) {
                progress.add(chunk);
            }
        };
    }
}
