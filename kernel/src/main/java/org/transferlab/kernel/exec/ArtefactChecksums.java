package org.transferlab.kernel.exec;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.transferlab.kernel.io.FileDigests;

/**
 * The SHA-256 and size of every file of a committed artefact directory, recorded in {@value ArtefactDirectory#DONE}
 * when it is committed and checked before the directory is trusted: a file truncated, overwritten or flipped in place
 * makes its task stale instead of feeding wrong numbers into every task after it. A file is hashed once per process
 * while its size and modification time stay the same.
 */
final class ArtefactChecksums {

    /** One recorded file. */
    record FileDigest(String sha256, long bytes) {
    }

    private record Seen(long bytes, long modified, Object fileKey, String sha256) {
    }

    private static final Map<Path, Seen> VERIFIED = new ConcurrentHashMap<>();

    private ArtefactChecksums() {
    }

    /** Every regular file below {@code directory} except {@value ArtefactDirectory#DONE}, by relative path with '/'. */
    static Map<String, FileDigest> of(Path directory) throws IOException {
        Map<String, FileDigest> files = new TreeMap<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (attributes.isRegularFile() && !name.equals(ArtefactDirectory.DONE)) {
                    files.put(name, new FileDigest(FileDigests.sha256(file), attributes.size()));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    /** What is wrong with the recorded files of {@code directory}, if anything: the first damaged file. */
    static Optional<String> damage(Path directory, Map<String, FileDigest> recorded) {
        for (Map.Entry<String, FileDigest> entry : recorded.entrySet()) {
            Path file = directory.resolve(entry.getKey());
            FileDigest expected = entry.getValue();
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (!attributes.isRegularFile()) {
                    return Optional.of(file + " is not a regular file");
                }
                if (attributes.size() != expected.bytes()) {
                    return Optional.of(file + " has " + attributes.size() + " bytes, but " + expected.bytes()
                            + " were written");
                }
                String found = memoizedSha256(file, attributes);
                if (!found.equals(expected.sha256())) {
                    return Optional.of(file + " does not match the SHA-256 recorded when it was written (recorded "
                            + expected.sha256().substring(0, 12) + "…, found " + found.substring(0, 12) + "…)");
                }
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.of(file + " is missing");
            } catch (IOException e) {
                return Optional.of(file + " cannot be read (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    private static String memoizedSha256(Path file, BasicFileAttributes attributes) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        long modified = attributes.lastModifiedTime().toMillis();
        Seen seen = VERIFIED.get(key);
        if (seen != null && seen.bytes() == attributes.size() && seen.modified() == modified
                && java.util.Objects.equals(seen.fileKey(), attributes.fileKey())) {
            return seen.sha256();
        }
        String sha256 = FileDigests.sha256(file);
        VERIFIED.put(key, new Seen(attributes.size(), modified, attributes.fileKey(), sha256));
        return sha256;
    }
}
