package org.transferlab.kernel.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Keeps every write and deletion of a run inside its run directory. The run directory itself (and the output folder
 * above it) may be a link, to scratch space say: its real path is what is checked. Below it, a symbolic link would let
 * a rename commit artefacts elsewhere or a clean-up delete files this run never wrote, so any link there is refused
 * before anything is written.
 */
public final class RunDirectoryGuard {

    private RunDirectoryGuard() {
    }

    /** A run directory that transferlab will not write into. */
    public static final class UnsafeRunDirectoryException extends RuntimeException {
        UnsafeRunDirectoryException(String message) {
            super(message);
        }
    }

    /**
     * Checks the run directory (which need not exist yet) before a command writes into it.
     *
     * @throws UnsafeRunDirectoryException when the output folder or the run directory is not a folder, or when anything
     *                                     below the run directory is a symbolic link
     */
    public static void check(Path runDirectory) {
        Path output = runDirectory.toAbsolutePath().getParent();
        for (Path ancestor = output; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor) && !Files.isDirectory(ancestor)) {
                throw new UnsafeRunDirectoryException(ancestor + " is a file, not a folder; give --output (or the "
                        + "file's output:) a folder");
            }
        }
        if (!Files.exists(runDirectory)) {
            return;
        }
        if (!Files.isDirectory(runDirectory)) {
            throw new UnsafeRunDirectoryException("the run directory " + runDirectory + " is a file, not a folder");
        }
        Optional<Path> link = firstLink(runDirectory);
        if (link.isPresent()) {
            Path found = link.get();
            String target;
            try {
                target = Files.readSymbolicLink(found).toString();
            } catch (IOException e) {
                target = "somewhere unreadable";
            }
            throw new UnsafeRunDirectoryException(found + " is a symbolic link (to " + target + "); transferlab writes "
                    + "and deletes only inside the run directory, and a link there could make it write or delete "
                    + "elsewhere. Replace the link with a real folder or file, or use another --output");
        }
    }

    private static Optional<Path> firstLink(Path runDirectory) {
        Path root;
        try {
            root = runDirectory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + runDirectory, e);
        }
        Path[] found = new Path[1];
        try {
            // Links are seen, not followed; what other processes remove while this walks is no longer there to check.
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return visit(directory, attributes);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    return visit(file, attributes);
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                private FileVisitResult visit(Path path, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) {
                        found[0] = path;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run directory " + runDirectory, e);
        }
        return Optional.ofNullable(found[0]).map(path -> runDirectory.resolve(root.relativize(path)));
    }
}
