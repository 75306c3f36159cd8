package org.transferlab.kernel.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryGuardTest {

    @TempDir
    Path folder;

    @Test
    void aLinkedFileDeepInsideTheRunIsFound() throws Exception {
        Path run = Files.createDirectories(folder.resolve("runs/study/models/pretrain~a@b"));
        Path outside = Files.writeString(folder.resolve("outside.npz"), "x");
        Files.createSymbolicLink(run.resolve("weights.npz"), outside);

        RunDirectoryGuard.UnsafeRunDirectoryException refused = assertThrows(
                RunDirectoryGuard.UnsafeRunDirectoryException.class,
                () -> RunDirectoryGuard.check(folder.resolve("runs/study")));

        assertTrue(refused.getMessage().startsWith(run.resolve("weights.npz") + " is a symbolic link"),
                refused.getMessage());
    }

    @Test
    void theRunDirectoryAndTheOutputMayThemselvesBeLinksToScratchSpace() throws Exception {
        Path scratch = Files.createDirectories(folder.resolve("scratch/study/models"));
        Files.createDirectories(folder.resolve("runs"));
        Files.createSymbolicLink(folder.resolve("runs/study"), scratch.getParent());
        Files.createSymbolicLink(folder.resolve("output"), folder.resolve("runs"));

        assertDoesNotThrow(() -> RunDirectoryGuard.check(folder.resolve("runs/study")));
        assertDoesNotThrow(() -> RunDirectoryGuard.check(folder.resolve("output/study")));
    }

    @Test
    void aRunDirectoryThatDoesNotExistYetIsFine() {
        assertDoesNotThrow(() -> RunDirectoryGuard.check(folder.resolve("runs/new-study")));
    }
}
