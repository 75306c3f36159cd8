package org.transferlab.plugins.datasets.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;

/**
 * The {@code <file>.part} a download is written to, locked against other processes, with the checksums of every byte
 * in it so far. Bytes left by an earlier, interrupted download are kept and hashed, so the download can resume.
 * Methods are synchronized: the HTTP client writes from its own threads.
 */
final class PartFile implements Closeable {

    private final Path path;
    private final FileChannel channel;
    private MessageDigest md5;
    private MessageDigest sha256;
    private long length;

    private PartFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Opens or creates {@code path}, failing when another download of it is under way. */
    static PartFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("another download of " + path.getFileName() + " is under way (" + path
                        + " is locked); wait for it to finish");
            }
            PartFile part = new PartFile(path, channel);
            part.hashExisting();
            return part;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void hashExisting() throws IOException {
        md5 = Checksums.digest("MD5");
        sha256 = Checksums.digest("SHA-256");
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long position = 0;
        while (channel.read(buffer, position) > 0) {
            buffer.flip();
            position += buffer.remaining();
            update(buffer);
            buffer.clear();
        }
        length = position;
        channel.position(length);
    }

    synchronized long length() {
        return length;
    }

    synchronized void append(List<ByteBuffer> buffers) throws IOException {
        for (ByteBuffer buffer : buffers) {
            ByteBuffer digested = buffer.duplicate();
            while (buffer.hasRemaining()) {
                length += channel.write(buffer);
            }
            update(digested);
        }
    }

    /** Drops every byte, to download the file from its start. */
    synchronized void clear() throws IOException {
        channel.truncate(0);
        channel.position(0);
        length = 0;
        md5 = Checksums.digest("MD5");
        sha256 = Checksums.digest("SHA-256");
    }

    synchronized Checksums checksums() {
        try {
            return Checksums.finish((MessageDigest) md5.clone(), (MessageDigest) sha256.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 and SHA-256 digests can be cloned", e);
        }
    }

    /**
     * Renames the complete file to {@code target} in one step. The rename happens while the lock is held, so a download
     * that waited for it finds the target in place rather than writing into the renamed file.
     */
    synchronized void moveTo(Path target) throws IOException {
        channel.force(true);
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the file if it holds nothing; a non-empty one is kept for the next download to resume. */
    synchronized void deleteIfEmpty() throws IOException {
        if (length == 0) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    private void update(ByteBuffer bytes) {
        ByteBuffer second = bytes.duplicate();
        md5.update(bytes);
        sha256.update(second);
    }
}
