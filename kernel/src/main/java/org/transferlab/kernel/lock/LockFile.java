package org.transferlab.kernel.lock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A lock file, locked with the operating system's POSIX record locks ({@code fcntl}, which {@link FileChannel#tryLock}
 * uses on Linux). They are what shared file systems carry to the server: NFSv4 has them in the protocol, NFSv3 through
 * its lock manager (lockd/statd; a mount with {@code nolock} makes them local to one machine and is not supported). A
 * lock belongs to its process and ends with it, however it ends: after a SIGKILL the kernel releases it at once, after
 * the crash of a whole client machine the NFS server does when the client's lease runs out. So a lock file that exists
 * means nothing; only a lock that is held does, and lock files are never deleted (deleting one while it is held would
 * let a second process lock a new file of the same name).
 *
 * <p>POSIX locks belong to the process, not to a descriptor, and closing any descriptor of a file releases all of the
 * process's locks on it. So within a process every lock file is opened at most once, here, while it is held, and is
 * probed and read only through this class.
 */
final class LockFile {

    /** How a lock file is held, as seen from this process. */
    enum State { FREE, SHARED, EXCLUSIVE }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lock files this process holds, by absolute path; guarded by {@code LockFile.class}. */
    private static final Map<Path, Open> OPEN = new HashMap<>();

    private static final class Open {
        final FileChannel channel;
        final FileLock lock;
        final LockHolder holder;
        int holds = 1;

        Open(FileChannel channel, FileLock lock, LockHolder holder) {
            this.channel = channel;
            this.lock = lock;
            this.holder = holder;
        }
    }

    /** A lock this process holds; closing it releases the lock (a shared one when its last holder here closes). */
    static final class Held implements AutoCloseable {

        private final Path file;
        private boolean closed;

        private Held(Path file) {
            this.file = file;
        }

        Path file() {
            return file;
        }

        @Override
        public void close() {
            synchronized (LockFile.class) {
                if (closed) {
                    return;
                }
                closed = true;
                Open open = OPEN.get(file);
                if (open != null && --open.holds == 0) {
                    OPEN.remove(file);
                    try {
                        open.lock.release();
                        open.channel.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot release the lock " + file, e);
                    }
                }
            }
        }
    }

    private LockFile() {
    }

    /**
     * Takes the lock exclusively and records {@code holder} in the file, or returns empty when another process, or
     * this one, holds it in any way.
     */
    static synchronized Optional<Held> tryExclusive(Path file, LockHolder holder) {
        requireNonNull(holder, "holder is null");
        Path key = key(file);
        if (OPEN.containsKey(key)) {
            return Optional.empty();
        }
        return tryLock(key, false, holder);
    }

    /**
     * Takes the lock shared with other shared holders, or returns empty when another process, or this one, holds it
     * exclusively. The file keeps the record of its last exclusive holder.
     */
    static synchronized Optional<Held> tryShared(Path file, LockHolder holder) {
        Path key = key(file);
        Open open = OPEN.get(key);
        if (open != null) {
            if (!open.lock.isShared()) {
                return Optional.empty();
            }
            open.holds++;
            return Optional.of(new Held(key));
        }
        return tryLock(key, true, holder);
    }

    private static Optional<Held> tryLock(Path key, boolean shared, LockHolder holder) {
        try {
            Files.createDirectories(key.getParent());
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(0, Long.MAX_VALUE, shared);
                if (lock != null && !shared) {
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(record(holder))), 0);
                    channel.force(false);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            OPEN.put(key, new Open(channel, lock, holder));
            return Optional.of(new Held(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + key + ": " + e.getMessage(), e);
        }
    }

    /** How the lock is held right now, by this process or any other. */
    static synchronized State state(Path file) {
        Path key = key(file);
        Open open = OPEN.get(key);
        if (open != null) {
            return open.lock.isShared() ? State.SHARED : State.EXCLUSIVE;
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try (FileLock probe = channel.tryLock(0, Long.MAX_VALUE, false)) {
                if (probe != null) {
                    return State.FREE;
                }
            }
            try (FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true)) {
                return probe != null ? State.SHARED : State.EXCLUSIVE;
            }
        } catch (NoSuchFileException e) {
            return State.FREE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe the lock " + key + ": " + e.getMessage(), e);
        }
    }

    /** The last exclusive holder recorded in the file; whether it still holds the lock is for {@link #state} to say. */
    static synchronized Optional<LockHolder> recordedHolder(Path file) {
        Path key = key(file);
        Open open = OPEN.get(key);
        if (open != null && !open.lock.isShared()) {
            return Optional.of(open.holder);
        }
        try {
            if (open != null) {
                return read(open.channel);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return read(channel);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lock " + key + ": " + e.getMessage(), e);
        }
    }

    private static Optional<LockHolder> read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 1 << 16) {
            return Optional.empty();
        }
        ByteBuffer content = ByteBuffer.allocate((int) size);
        while (content.hasRemaining() && channel.read(content, content.position()) > 0) {
            // until the whole record is read
        }
        return parse(content.array());
    }

    static Map<String, Object> record(LockHolder holder) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("host", holder.host());
        record.put("pid", holder.pid());
        record.put("since", holder.since().toString());
        record.put("command", holder.command());
        return record;
    }

    static Optional<LockHolder> parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            return Optional.of(new LockHolder(node.path("host").asText(), node.path("pid").asLong(),
                    Instant.parse(node.path("since").asText()), node.path("command").asText()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // being written by its holder, or not a record at all
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
