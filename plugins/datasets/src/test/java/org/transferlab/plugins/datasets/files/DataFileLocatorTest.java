package org.transferlab.plugins.datasets.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.DataContext;

class DataFileLocatorTest {

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("data");
    }

    private Path system() {
        return tmp.resolve("usr-share-stand-in");
    }

    private DataFileLocator locator() {
        return DataFileLocator.torchvisionThenPlain("fashion-mnist", "FashionMNIST", List.of(system()));
    }

    private static Path touch(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), new byte[] {1});
    }

    private Map<String, Path> locate(String... files) throws IOException {
        return locator().locate(new DataContext(root(), false), List.of(files));
    }

    @Test
    void searchesTheTorchvisionLayoutThenThePlainFolderThenSystemFolders() {
        assertEquals(List.of(root().resolve("FashionMNIST/raw"), root().resolve("fashion-mnist"), system()),
                locator().searchFolders(root()));
    }

    @Test
    void theTorchvisionLayoutWinsOverThePlainFolder() throws IOException {
        Path torchvision = touch(root().resolve("FashionMNIST/raw"), "a.gz");
        touch(root().resolve("fashion-mnist"), "a");
        assertEquals(torchvision, locate("a").get("a"));
    }

    @Test
    void eachFileIsFoundRawOrGzipped() throws IOException {
        Path raw = touch(root().resolve("fashion-mnist"), "a");
        Path gzipped = touch(root().resolve("fashion-mnist"), "b.gz");
        assertEquals(Map.of("a", raw, "b", gzipped), locate("a", "b"));
    }

    @Test
    void theRawFileIsPreferredToItsGzipInTheSameFolder() throws IOException {
        Path raw = touch(root().resolve("fashion-mnist"), "a");
        touch(root().resolve("fashion-mnist"), "a.gz");
        assertEquals(raw, locate("a").get("a"));
    }

    @Test
    void systemFoldersAreSearchedOnlyAfterTheDataRoot() throws IOException {
        Path underRoot = touch(root().resolve("fashion-mnist"), "a");
        touch(system(), "a.gz");
        Path onlyInSystem = touch(system(), "b.gz");
        Map<String, Path> found = locate("a", "b");
        assertEquals(underRoot, found.get("a"));
        assertEquals(onlyInSystem, found.get("b"));
        assertEquals(List.of("a", "b"), List.copyOf(found.keySet()));
    }

    @Test
    void aFolderNamedLikeTheFileIsNotTheFile() throws IOException {
        Files.createDirectories(root().resolve("FashionMNIST/raw/a"));
        Path file = touch(root().resolve("fashion-mnist"), "a");
        assertEquals(file, locate("a").get("a"));
    }

    @Test
    void filesOutsideTheSearchedFoldersAreNotUsed() throws IOException {
        touch(root(), "a");
        touch(tmp, "a");
        touch(root().resolve("FashionMNIST"), "a");
        assertThrows(MissingDataFilesException.class, () -> locate("a"));
    }

    @Test
    void missingFilesAreAllNamedWithEveryFolderSearchedAndHowToProvideThem() throws IOException {
        touch(root().resolve("fashion-mnist"), "present.gz");
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> locate("first", "present", "second"));
        assertEquals("fashion-mnist", e.dataset());
        assertEquals(List.of("first", "second"), e.missing());
        assertEquals(locator().searchFolders(root()), e.searched());
        String message = e.getMessage();
        for (String part : List.of("fashion-mnist", "2 of 3 data files not found: first, second",
                "<file> and <file>.gz", root().resolve("FashionMNIST/raw").toString(), system().toString(),
                "copy or link the files", "into " + root().resolve("fashion-mnist"), "data.root", "--data-root")) {
            assertTrue(message.contains(part), "'" + part + "' in: " + message);
        }
        assertFalse(message.contains("present"), message);
        assertFalse(message.contains("download"), message);
    }

    @Test
    void withDownloadOnTheMessageSaysDownloadingIsNotAvailableYet() {
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> locator().locate(new DataContext(root(), true), List.of("a")));
        assertTrue(e.getMessage().contains("downloading is not available yet for fashion-mnist"), e.getMessage());
    }

    @Test
    void aRelativeDataRootIsReportedAsAnAbsolutePath() {
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> locator().locate(new DataContext(Path.of("relative-root"), false), List.of("a")));
        assertTrue(e.searched().stream().allMatch(Path::isAbsolute), e.searched().toString());
    }

    @Test
    void searchFoldersMayNotLeaveTheDataRoot() {
        assertThrows(IllegalArgumentException.class, () -> new DataFileLocator("x", List.of("../elsewhere"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DataFileLocator("x", List.of(tmp.toString()), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DataFileLocator("x", List.of("a"), List.of(Path.of("rel"))));
    }

    @Test
    void findGivesWhatLocateWouldUseOrNothing() throws IOException {
        Path gzipped = touch(root().resolve("FashionMNIST/raw"), "a.gz");
        touch(root().resolve("fashion-mnist"), "a");
        assertEquals(Optional.of(gzipped), locator().find(root(), "a"));
        assertEquals(Optional.empty(), locator().find(root(), "b"));
    }

    @Test
    void otherSuffixesAreTriedInOrderWithinEachFolderAndNamedInTheMessage() throws IOException {
        DataFileLocator locator = locator().withSuffixes(List.of("", ".gz", ".xz"));
        Path xz = touch(root().resolve("fashion-mnist"), "a.xz");
        touch(root().resolve("fashion-mnist"), "b.xz");
        Path gzipped = touch(root().resolve("fashion-mnist"), "b.gz");
        assertEquals(Optional.of(xz), locator.find(root(), "a"));
        assertEquals(Map.of("a", xz, "b", gzipped), locator.locate(new DataContext(root(), false), List.of("a", "b")));
        assertEquals(locator().searchFolders(root()), locator.searchFolders(root()));
        assertEquals(Optional.empty(), locator().find(root(), "a"), "the default suffixes are \"\" and .gz");

        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> locator.locate(new DataContext(root(), false), List.of("c")));
        assertTrue(e.getMessage().contains("searched for <file>, <file>.gz and <file>.xz in:"), e.getMessage());
        assertFalse(e.getMessage().contains("gzip-compressed"), e.getMessage());
    }

    @Test
    void suffixesStartWithTheFilesOwnName() {
        assertThrows(IllegalArgumentException.class, () -> locator().withSuffixes(List.of(".gz")));
        assertThrows(IllegalArgumentException.class, () -> locator().withSuffixes(List.of()));
    }
}
