package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Compares what two runs of one study stored, byte for byte. */
final class StoredBytes {

    private StoredBytes() {
    }

    /**
     * results.csv and verdicts.csv, and every weight and adversarial file, as {@code expected} holds them; and no
     * working directory or temporary file left in {@code actual}.
     */
    static void assertIdentical(Path expected, Path actual) throws IOException {
        List<String> arrays = storedArrays(expected);
        assertEquals(arrays, storedArrays(actual));
        assertFalse(arrays.isEmpty());
        for (String file : Stream.concat(Stream.of("results.csv", "verdicts.csv"), arrays.stream()).toList()) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), file);
        }
        try (Stream<Path> paths = Files.walk(actual)) {
            assertEquals(List.of(), paths.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("."))
                    .toList(), "no working directory or temporary file is left");
        }
    }

    private static List<String> storedArrays(Path runDirectory) throws IOException {
        try (Stream<Path> paths = Files.walk(runDirectory)) {
            return paths.filter(path -> path.toString().endsWith(".npy") || path.toString().endsWith(".npz"))
                    .map(path -> runDirectory.relativize(path).toString()).sorted().toList();
        }
    }
}
