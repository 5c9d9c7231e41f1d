package dev.switchboard.gateway;

import dev.switchboard.config.ConfigurationError;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.HashMap;

/**
 * The data folder, created if need be and held by one gateway at a time: a second gateway on it would run
 * without a ledger (H2 keeps its file to one process) and share DynamoDB Local's SQLite file. The lock is
 * the system's on {@code <dataDir>/.lock}, so a gateway that dies frees it.
 */
final class DataDirLock implements AutoCloseable {

    private static final String VARIABLE = "SWITCHBOARD_DATA_DIR";

    /**
     * The folders held in this JVM, by real path. Kept here, not only in the gateway: a channel nothing
     * references is closed by its cleaner, which frees the lock, and main keeps no gateway. Checked
     * before opening a channel: closing a second channel to the file would free this process's lock too.
     */
    private static final Map<Path, DataDirLock> HELD = new HashMap<>();

    private final Path folder;
    private final FileChannel channel;

    private DataDirLock(Path folder, FileChannel channel) {
        this.folder = folder;
        this.channel = channel;
    }

    /** Creates {@code dataDir} if need be and locks it, or says in one line why it cannot be used. */
    static DataDirLock take(Path dataDir) {
        Path folder;
        try {
            Files.createDirectories(dataDir);
            folder = dataDir.toRealPath();
        } catch (IOException e) {
            throw unusable(dataDir, e);
        }
        synchronized (HELD) {
            if (HELD.containsKey(folder)) {
                throw inUse(dataDir);
            }
            if (!Files.isWritable(folder)) {
                throw new ConfigurationError(VARIABLE + "=" + dataDir + ": is not writable");
            }
            FileChannel channel = null;
            FileLock lock = null;
            try {
                channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // Locked through another channel of this JVM, not by a gateway: in use all the same. This channel
                // stays open: closing it would free every lock this JVM holds on the file, that one's included.
                throw inUse(dataDir);
            } catch (IOException e) {
                closeQuietly(channel);
                throw unusable(dataDir, e);
            }
            if (lock == null) {
                closeQuietly(channel);
                throw inUse(dataDir);
            }
            DataDirLock held = new DataDirLock(folder, channel);
            HELD.put(folder, held);
            return held;
        }
    }

    /** Frees the folder for another gateway; the lock file stays (deleting it would race with a new taker). */
    @Override
    public void close() {
        synchronized (HELD) {
            if (HELD.remove(folder, this)) {
                closeQuietly(channel);
            }
        }
    }

    private static ConfigurationError inUse(Path dataDir) {
        return new ConfigurationError(VARIABLE + "=" + dataDir + ": in use by another local gateway");
    }

    private static ConfigurationError unusable(Path dataDir, IOException e) {
        String cause;
        if (e instanceof FileAlreadyExistsException && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            cause = "is a file, not a folder";
        } else if (e instanceof AccessDeniedException) {
            cause = "cannot be written (permission denied on " + e.getMessage() + ")";
        } else if (e instanceof FileSystemException) {
            cause = "cannot be used (" + e.getMessage() + ")";
        } else {
            cause = "cannot be used (" + e + ")";
        }
        return new ConfigurationError(VARIABLE + "=" + dataDir + ": " + cause, e);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing frees the lock; nothing else is lost if the close itself fails.
            }
        }
    }
}
