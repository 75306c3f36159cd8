package org.transferlab.plugins.datasets.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transferlab.plugins.datasets.files.DownloaderTest.bytes;
import static org.transferlab.plugins.datasets.files.DownloaderTest.hex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.ImageSet;

/** A dataset with one file per split downloads what it needs: the required splits on open, an optional one on use. */
class FilePerSplitDownloadTest {

    private static final byte[] TRAIN = bytes(2_000, 1);
    private static final byte[] EXTRA = bytes(3_000, 2);

    @TempDir
    Path tmp;

    private LocalHttpServer server;
    private Provider provider;

    @BeforeEach
    void start() throws IOException {
        server = new LocalHttpServer();
        server.serve("/train.bin", TRAIN);
        server.serve("/extra.bin", EXTRA);
        provider = new Provider(
                new DataFile("train.bin", List.of(server.uri("/train.bin")), hex("MD5", TRAIN), null),
                new DataFile("extra.bin", List.of(server.uri("/extra.bin")), hex("MD5", EXTRA), null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void openingWithDownloadsOnFetchesOnlyTheRequiredSplitsThenTheOptionalOneWhenAskedFor() throws IOException {
        Path root = tmp.resolve("data");
        Dataset dataset = provider.open(new NoOptions(), new DataContext(root, true));

        assertTrue(Files.isRegularFile(root.resolve("demo/train.bin")));
        assertFalse(Files.exists(root.resolve("demo/extra.bin")), "the optional split waits until it is used");
        assertEquals(TRAIN.length, dataset.split("train").count());

        assertEquals(EXTRA.length, dataset.split("extra").count());
        assertTrue(Files.isRegularFile(root.resolve("demo/extra.bin")));
    }

    @Test
    void fetchDownloadsEveryMissingFileAndOpeningWithoutDownloadsSaysHowToGetThem() throws IOException {
        Path root = tmp.resolve("data");
        MissingDataFilesException missing = assertThrows(MissingDataFilesException.class,
                () -> provider.open(new NoOptions(), new DataContext(root, false)));
        assertTrue(missing.getMessage().contains("transferlab data fetch demo"), missing.getMessage());

        provider.fetch(new NoOptions(), new DataContext(root, false));

        assertTrue(Files.isRegularFile(root.resolve("demo/train.bin")));
        assertTrue(Files.isRegularFile(root.resolve("demo/extra.bin")));
        assertTrue(provider.status(new NoOptions(), new DataContext(root, false)).stream()
                .allMatch(status -> status.isPublishedForm()));
    }

    /** Each "image" is one byte of the file, which is all that this test needs of a reader. */
    private static final class Provider extends FilePerSplitProvider {
        Provider(DataFile train, DataFile extra) {
            super("demo", "a demo dataset", List.of("a", "b"),
                    DataFileLocator.torchvisionThenPlain("demo", "Demo", List.of()),
                    List.of(new SplitFile("train", train, TRAIN.length, false),
                            new SplitFile("extra", extra, EXTRA.length, true)),
                    (file, count) -> {
                        byte[] content = Files.readAllBytes(file);
                        return new ImageSet(new byte[content.length * ImageSet.PIXELS], new int[content.length]);
                    });
        }
    }
}
