package org.transferlab.kernel.exec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.transferlab.kernel.io.AtomicFiles;
import org.transferlab.kernel.lock.LockHolder;

/**
 * The one place that writes artefacts. A task writes into a fresh temporary sibling of its final directory; committing
 * writes {@value #DONE} (with the cache key and every file's SHA-256) last and renames the directory into place, so a
 * killed run never leaves a directory that a later run would trust, and a file damaged later is detected. Single files are written the same way: to a temporary name, then renamed.
 */
public final class ArtefactDirectory {

    public static final String DONE = "done.json";
    /** Who is writing a working directory; removed when it is committed. */
    static final String OWNER = "owner.json";
    private static final String WORKING = ".tmp-";
    private static final String STALE = ".stale-";
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ArtefactDirectory() {
    }

    /**
     * What a committed directory records: its cache key, a commit id unique to this commit, and the commit ids of the
     * artefacts it was made from.
     *
     * @param inputs  per dependency id, the directory (relative to the run) and the commit it read
     */
    public record Committed(String cacheKey, String commitId, Map<String, Input> inputs,
            Map<String, ArtefactChecksums.FileDigest> files) {
    }

    /** One artefact a task read: where it lies below the run directory and which commit of it. */
    public record Input(String directory, String commitId) {
    }

    /** The record of a committed directory, if it is complete. */
    public static Optional<Committed> committed(Path directory) {
        Path done = directory.resolve(DONE);
        if (!Files.isRegularFile(done)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(done.toFile(), Done.class).committed());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cache key recorded in a committed directory, if it is complete. */
    public static Optional<String> committedKey(Path directory) {
        return committed(directory).map(Committed::cacheKey);
    }

    /** {@value #DONE} as written: the record and the task's summary. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Done(String cacheKey, String commit, Map<String, Input> inputs,
            Map<String, ArtefactChecksums.FileDigest> files, Map<String, Object> summary) {

        Committed committed() {
            if (cacheKey == null || commit == null || inputs == null || files == null) {
                throw new IllegalStateException("incomplete " + DONE);
            }
            return new Committed(cacheKey, commit, inputs, files);
        }
    }

    /**
     * What is wrong with the files of a committed directory, if anything: a file missing, of another size, or with
     * another SHA-256 than when it was committed.
     */
    public static Optional<String> damage(Path directory, Committed committed) {
        return ArtefactChecksums.damage(directory, committed.files());
    }

    /**
     * A fresh working directory next to {@code target}, holding only the record of its {@code owner}, who must hold the
     * task's lock while the directory exists.
     */
    public static Path begin(Path target, LockHolder owner) {
        try {
            Files.createDirectories(target.getParent());
            Path working = Files.createDirectory(target.resolveSibling("." + target.getFileName() + WORKING + UUID.randomUUID()));
            Map<String, Object> record = new java.util.LinkedHashMap<>();
            record.put("host", owner.host());
            record.put("pid", owner.pid());
            record.put("since", owner.since().toString());
            record.put("task", owner.command());
            JSON.writeValue(working.resolve(OWNER).toFile(), record);
            return working;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory for " + target, e);
        }
    }

    /**
     * Marks {@code working} complete for {@code cacheKey}, made from {@code inputs}, and moves it to {@code target},
     * replacing a stale one.
     */
    public static void commit(Path working, Path target, String cacheKey, Map<String, Input> inputs,
            Map<String, Object> summary) {
        try {
            Files.deleteIfExists(working.resolve(OWNER));
            writeJson(working.resolve(DONE), new Done(cacheKey, UUID.randomUUID().toString(), inputs,
                    ArtefactChecksums.of(working), summary));
            if (Files.exists(target)) {
                Path stale = target.resolveSibling("." + target.getFileName() + STALE + UUID.randomUUID());
                Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(stale);
            }
            Files.move(working, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + target, e);
        }
    }

    /**
     * Whether a file name is that of a working directory, a replaced directory on its way out, or a file that
     * {@link AtomicFiles} had not yet renamed into place.
     */
    static boolean isWorkingName(String name) {
        return name.startsWith(".") && (name.contains(WORKING) || name.contains(STALE));
    }

    /**
     * The name of the directory that a working or replaced directory called {@code name} belongs to
     * ({@code alexnet@mnist} for {@code .alexnet@mnist.tmp-<uuid>}), if it is one.
     */
    static Optional<String> ownerName(String name) {
        if (!isWorkingName(name)) {
            return Optional.empty();
        }
        int end = Math.max(name.lastIndexOf(WORKING), name.lastIndexOf(STALE));
        return end > 1 ? Optional.of(name.substring(1, end)) : Optional.empty();
    }

    /**
     * Whether a file name is a working copy or replaced copy of exactly {@code target}'s directory, and not of a
     * sibling whose name merely starts the same ({@code alexnet@mnist} against {@code alexnet@mnist.v2}).
     */
    static boolean isWorkingNameOf(String name, Path target) {
        String own = "." + target.getFileName();
        return name.startsWith(own + WORKING) || name.startsWith(own + STALE);
    }

    /** Removes a working directory that will not be committed. */
    public static void abandon(Path working) {
        try {
            deleteTree(working);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + working, e);
        }
    }

    public static void writeJson(Path file, Object value) throws IOException {
        writeAtomically(file, JSON.writeValueAsBytes(value));
    }

    public static void writeAtomically(Path file, byte[] content) throws IOException {
        AtomicFiles.write(file, out -> out.write(content));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
