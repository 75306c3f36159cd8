package org.transferlab.plugins.datasets.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.files.DownloaderTest.bytes;
import static org.transferlab.plugins.datasets.files.DownloaderTest.hex;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.TransferProgress;

class DatasetFilesTest {

    private static final byte[] IMAGES = bytes(3_000, 11);
    private static final byte[] LABELS = bytes(500, 12);

    @TempDir
    Path tmp;

    private LocalHttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path root() {
        return tmp.resolve("data");
    }

    private Path system() {
        return tmp.resolve("system-stand-in");
    }

    private static DataFile file(String name, byte[] content, URI... mirrors) {
        return new DataFile(name, List.of(mirrors), hex("MD5", content), null);
    }

    private DatasetFiles files(DataFile... files) {
        DataFileLocator locator = DataFileLocator.torchvisionThenPlain("digits", "Digits", List.of(system()));
        return new DatasetFiles(locator, List.of(files), DownloaderTest.downloader());
    }

    private DatasetFiles servedFiles() {
        server.serve("/images.gz", IMAGES);
        server.serve("/labels.gz", LABELS);
        return files(file("images.gz", IMAGES, server.uri("/images.gz")),
                file("labels.gz", LABELS, server.uri("/labels.gz")));
    }

    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), "'" + part + "' in: " + text);
        }
    }

    private static Path write(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), content);
    }

    @Test
    void statusGivesTheCopyFoundOfEachFileAndWhetherItIsThePublishedOne() throws IOException {
        DatasetFiles files = servedFiles();
        Path raw = write(root().resolve("Digits/raw"), "images", IMAGES);
        List<DataFileStatus> status = files.status(new DataContext(root(), false));
        assertEquals(files.files(), status.stream().map(DataFileStatus::file).toList());
        assertEquals(Optional.of(raw), status.get(0).path());
        assertFalse(status.get(0).isPublishedForm(), "an uncompressed copy is found but is not the published file");
        assertEquals(Optional.empty(), status.get(1).path());

        Path published = write(system(), "labels.gz", LABELS);
        assertEquals(Optional.of(published), files.status(new DataContext(root(), false)).get(1).path());
        assertTrue(files.status(new DataContext(root(), false)).get(1).isPublishedForm());
    }

    @Test
    void locateWithoutDownloadNamesTheMissingFilesAndHowToFetchThem() {
        DatasetFiles files = servedFiles();
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> files.locate(new DataContext(root(), false)));
        assertEquals(List.of("images", "labels"), e.missing());
        assertContains(e.getMessage(), "dataset digits: 2 of 2 data files not found: images, labels",
                root().resolve("Digits/raw").toString(), "into " + root().resolve("digits"),
                "transferlab data fetch digits", "download: true");
        assertEquals(List.of(), server.requests());
    }

    @Test
    void locateWithDownloadFetchesOnlyTheMissingFilesIntoThePlainFolder() throws IOException {
        DatasetFiles files = servedFiles();
        Path images = write(system(), "images.gz", IMAGES);
        List<String> progress = new ArrayList<>();
        TransferProgress recording = new TransferProgress() {
            @Override
            public void started(String file, long totalBytes) {
                progress.add(file + " " + totalBytes);
            }
        };
        Map<String, Path> found = files.locate(new DataContext(root(), true, recording));
        Path labels = root().toAbsolutePath().resolve("digits/labels.gz");
        assertEquals(List.of("images.gz", "labels.gz"), List.copyOf(found.keySet()));
        assertEquals(images, found.get("images.gz"));
        assertEquals(labels, found.get("labels.gz"));
        assertArrayEquals(LABELS, Files.readAllBytes(labels));
        assertEquals(List.of("/labels.gz -"), server.requests());
        assertEquals(List.of("labels.gz 500"), progress);
        assertTrue(files.status(new DataContext(root(), false)).stream().allMatch(DataFileStatus::isPublishedForm));
    }

    @Test
    void fetchDownloadsWhateverIsMissingEvenWithDownloadOff() throws IOException {
        DatasetFiles files = servedFiles();
        files.fetch(new DataContext(root(), false));
        assertArrayEquals(IMAGES, Files.readAllBytes(root().resolve("digits/images.gz")));
        assertArrayEquals(LABELS, Files.readAllBytes(root().resolve("digits/labels.gz")));
        files.fetch(new DataContext(root(), false));
        assertEquals(2, server.requests().size(), "present files are not downloaded again");
    }

    @Test
    void whenAFileCannotBeDownloadedTheErrorNamesEachUrlWhyAndWhereToPutIt() {
        server.serve("/labels.gz", LABELS);
        URI first = server.uri("/a/images.gz");
        URI second = server.uri("/b/images.gz");
        DatasetFiles files = files(file("images.gz", IMAGES, first, second),
                file("labels.gz", LABELS, server.uri("/labels.gz")));
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> files.fetch(new DataContext(root(), false)));
        assertEquals(List.of("images"), e.missing());
        assertInstanceOf(FileDownloadException.class, e.getCause());
        assertContains(e.getMessage(), "dataset digits: 1 of 2 missing data files could not be downloaded",
                "cannot download images.gz:\n  " + first + ": HTTP 404 (not found)\n  " + second
                        + ": HTTP 404 (not found)",
                "still missing: images.gz", "into " + root().toAbsolutePath().resolve("digits"),
                "can be downloaded (elsewhere, if need be) from:\n  " + first);
        assertTrue(Files.isRegularFile(root().resolve("digits/labels.gz")), "the other file was still downloaded");
    }

    @Test
    void withoutNetworkTheErrorSaysSoAndNamesTheFilesTheFoldersAndHowToProvideThem() throws IOException {
        URI refused = LocalHttpServer.refused("/images.gz");
        DatasetFiles files = files(file("images.gz", IMAGES, refused),
                file("labels.gz", LABELS, LocalHttpServer.refused("/labels.gz")));
        MissingDataFilesException e = assertThrows(MissingDataFilesException.class,
                () -> files.locate(new DataContext(root(), true)));
        assertEquals(List.of("images", "labels"), e.missing());
        assertEquals(List.of(root().toAbsolutePath().resolve("Digits/raw"), root().toAbsolutePath().resolve("digits"),
                system()), e.searched());
        assertContains(e.getMessage(), "dataset digits: cannot download 2 missing data files",
                "seems to have no network access", refused + ": cannot connect", "still missing: images.gz, labels.gz",
                "searched for <file> and <file>.gz in:\n  " + root().toAbsolutePath().resolve("Digits/raw"),
                system().toString(), "copy or link the files", "into " + root().toAbsolutePath().resolve("digits"),
                "--data-root");
        assertFalse(Files.exists(root().resolve("digits/images.gz.part")));
    }

    @Test
    void theLocatorMustSearchThePlainFolderWhereDownloadsGo() {
        DataFileLocator elsewhere = new DataFileLocator("digits", List.of("Digits/raw"), List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DatasetFiles(elsewhere, List.of()));
        assertContains(e.getMessage(), "must search the folder digits below the data root");
    }
}
