package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.NoOptions;
import org.transferlab.api.PluginKind;
import org.transferlab.api.Provider;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.plugin.PluginCatalog;
import picocli.CommandLine;

class DataCommandsTest {

    private static final byte[] IMAGES = "images, as published".getBytes();
    private static final byte[] LABELS = "labels, as published".getBytes();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Path root() {
        return tmp.resolve("data");
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Path write(String dataset, String name, byte[] content) throws IOException {
        Path folder = Files.createDirectories(root().resolve(dataset));
        return Files.write(folder.resolve(name), content);
    }

    private static PluginCatalog catalog(DatasetProvider<?>... providers) {
        return new PluginCatalog() {
            private final Map<String, Provider<?>> byName = new TreeMap<>();

            {
                for (DatasetProvider<?> provider : providers) {
                    byName.put(provider.name(), provider);
                }
            }

            @Override
            public Optional<Provider<?>> find(PluginKind kind, String name) {
                return kind == PluginKind.DATASET ? Optional.ofNullable(byName.get(name)) : Optional.empty();
            }

            @Override
            public List<String> names(PluginKind kind) {
                return kind == PluginKind.DATASET ? List.copyOf(byName.keySet()) : List.of();
            }

            @Override
            public String version(PluginKind kind, String name) {
                return "1.0";
            }
        };
    }

    /**
     * A dataset of published {@code .gz} files, found in {@code <root>/<name>/} as published or uncompressed;
     * {@code fetch} writes the published bytes, as a download would, unless the dataset is offline.
     */
    private static final class FileDataset implements DatasetProvider<NoOptions> {
        private final String name;
        private final Map<String, byte[]> published = new LinkedHashMap<>();
        private boolean offline;

        FileDataset(String name) {
            this.name = name;
            published.put("images.gz", IMAGES);
            published.put("labels.gz", LABELS);
        }

        FileDataset offline() {
            offline = true;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public String description() {
            return "test files";
        }

        @Override
        public DatasetInfo describe(NoOptions options) {
            return new DatasetInfo(List.of("a", "b"), Map.of("train", 1));
        }

        @Override
        public Dataset open(NoOptions options, DataContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DataFile> files(NoOptions options) {
            List<DataFile> files = new ArrayList<>();
            published.forEach((file, content) -> files.add(new DataFile(file,
                    List.of(URI.create("http://127.0.0.1:9/" + file)), md5(content), null)));
            return files;
        }

        @Override
        public List<DataFileStatus> status(NoOptions options, DataContext context) {
            Path folder = context.root().resolve(name);
            return files(options).stream().map(file -> {
                Path gz = folder.resolve(file.name());
                Path raw = folder.resolve(file.name().replace(".gz", ""));
                Path found = Files.isRegularFile(gz) ? gz : Files.isRegularFile(raw) ? raw : null;
                return new DataFileStatus(file, Optional.ofNullable(found));
            }).toList();
        }

        @Override
        public void fetch(NoOptions options, DataContext context) throws IOException {
            if (offline) {
                throw new IOException("dataset " + name + ": no network");
            }
            for (DataFileStatus status : status(options, context)) {
                if (status.path().isEmpty()) {
                    byte[] content = published.get(status.file().name());
                    context.progress().started(status.file().name(), content.length);
                    Files.createDirectories(context.root().resolve(name));
                    Files.write(context.root().resolve(name).resolve(status.file().name()), content);
                    context.progress().advanced(content.length);
                    context.progress().finished();
                }
            }
        }
    }

    /** A dataset that needs no files, as the synthetic one. */
    private static final class Generated implements DatasetProvider<NoOptions> {
        @Override
        public String name() {
            return "generated";
        }

        @Override
        public Class<NoOptions> optionsType() {
            return NoOptions.class;
        }

        @Override
        public String description() {
            return "no files";
        }

        @Override
        public DatasetInfo describe(NoOptions options) {
            return new DatasetInfo(List.of("a", "b"), Map.of("train", 1));
        }

        @Override
        public Dataset open(NoOptions options, DataContext context) {
            throw new UnsupportedOperationException();
        }
    }

    private int list(PluginCatalog catalog) {
        return new DataListCommand().list(catalog, root(), new PrintWriter(out));
    }

    private int verify(PluginCatalog catalog, String... names) {
        return new DataVerifyCommand().verify(catalog, List.of(names), root(), new PrintWriter(out));
    }

    private int fetch(PluginCatalog catalog, TransferProgress progress, String... names) {
        return new DataFetchCommand().fetch(catalog, List.of(names), root(), progress, new PrintWriter(out),
                new PrintWriter(err));
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void listShowsEveryFilePresentOrNotWhereAndItsSize() throws IOException {
        Path images = write("digits", "images.gz", IMAGES);
        Path labels = write("digits", "labels", LABELS);
        int status = list(catalog(new FileDataset("digits"), new FileDataset("letters"), new Generated()));
        assertEquals(ExitCodes.OK, status);
        assertEquals(lines(
                "data root: " + root(),
                "DATASET    FILE       STATUS                 SIZE  PATH",
                "digits     images.gz  present                20 B  " + images,
                "digits     labels.gz  present, uncompressed  20 B  " + labels,
                "generated  -          needs no files         -     -",
                "letters    images.gz  missing                -     -",
                "letters    labels.gz  missing                -     -",
                "to download missing files: transferlab data fetch NAME..."), out.toString());
    }

    @Test
    void verifyComparesThePublishedFilesAndCannotVerifyOtherForms() throws IOException {
        Path images = write("digits", "images.gz", IMAGES);
        Path labels = write("digits", "labels", LABELS);
        int status = verify(catalog(new FileDataset("digits"), new FileDataset("letters"), new Generated()));
        assertEquals(ExitCodes.OK, status, out.toString());
        assertEquals(lines(
                "data root: " + root(),
                "DATASET    FILE       RESULT                                            PATH",
                "digits     images.gz  OK                                                " + images,
                "digits     labels.gz  present, not the published bytes - cannot verify  " + labels,
                "    uncompressed",
                "generated  -          needs no files                                    -",
                "letters    images.gz  missing                                           -",
                "letters    labels.gz  missing                                           -",
                "1 OK, 0 mismatched, 1 present but unverifiable, 2 missing"), out.toString());
    }

    @Test
    void verifyFailsOnAMismatchAndGivesBothChecksums() throws IOException {
        byte[] damaged = "labels, damaged".getBytes();
        write("digits", "images.gz", IMAGES);
        Path labels = write("digits", "labels.gz", damaged);
        int status = verify(catalog(new FileDataset("digits"), new FileDataset("letters")), "digits");
        assertEquals(ExitCodes.RUN_FAILURE, status);
        String text = out.toString();
        assertTrue(text.contains(lines(
                "digits   labels.gz  MISMATCH  " + labels,
                "    expected MD5 " + md5(LABELS) + ", got " + md5(damaged))), text);
        assertTrue(text.endsWith(lines("1 OK, 1 mismatched, 0 present but unverifiable, 0 missing")), text);
        assertFalse(text.contains("letters"), "only the datasets named are verified: " + text);
    }

    @Test
    void anUnknownDatasetNameIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> verify(catalog(new FileDataset("digits"), new Generated()), "digts"));
        assertEquals("no dataset plugin is named 'digts'; dataset plugins: digits, generated", e.getMessage());
        assertThrows(BadInputException.class, () -> fetch(catalog(), TransferProgress.NONE, "digits"));
    }

    @Test
    void fetchDownloadsTheMissingFilesWithProgressAndSaysWhereTheyAre() throws IOException {
        write("digits", "labels", LABELS);
        List<String> events = new ArrayList<>();
        TransferProgress progress = new TransferProgress() {
            @Override
            public void started(String file, long totalBytes) {
                events.add(file + " " + totalBytes);
            }
        };
        int status = fetch(catalog(new FileDataset("digits"), new Generated()), progress, "digits", "generated");
        assertEquals(ExitCodes.OK, status, err.toString());
        assertEquals(List.of("images.gz 20"), events);
        assertEquals(lines(
                "digits: downloading 1 of 2 files",
                "  images.gz  " + root().resolve("digits/images.gz"),
                "  labels.gz  " + root().resolve("digits/labels"),
                "generated: needs no files"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, fetch(catalog(new FileDataset("digits")), progress, "digits"));
        assertTrue(out.toString().startsWith(lines("digits: all 2 files present")), out.toString());
        assertEquals(1, events.size(), "nothing downloaded again");
    }

    @Test
    void aFailedFetchIsReportedAndTheOthersStillRun() {
        int status = fetch(catalog(new FileDataset("digits").offline(), new FileDataset("letters")),
                TransferProgress.NONE, "digits", "letters");
        assertEquals(ExitCodes.RUN_FAILURE, status);
        assertEquals(lines("error: dataset digits: no network", "1 of 2 datasets not fetched"), err.toString());
        assertTrue(Files.isRegularFile(root().resolve("letters/images.gz")));
    }

    @Test
    void theDataCommandsAreRegisteredAndTakeTheDataRootAndPluginFolder() throws IOException {
        Path plugins = Files.createDirectories(tmp.resolve("no-plugins"));
        CommandLine command = new CommandLine(new TransferlabCommand())
                .setExecutionExceptionHandler(new FailureHandler())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err));
        assertEquals(ExitCodes.OK, command.execute("data", "list", "--data-root", root().toString(),
                "--plugins", plugins.toString()), err.toString());
        assertTrue(out.toString().startsWith(lines("data root: " + root().toAbsolutePath())), out.toString());
        assertEquals(ExitCodes.OK, command.execute("data", "verify", "--data-root", root().toString(),
                "--plugins", plugins.toString()), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, command.execute("data", "fetch", "nosuch", "--plugins", plugins.toString()));
        assertTrue(err.toString().contains("error: no dataset plugin is named 'nosuch'"), err.toString());
        assertEquals(ExitCodes.BAD_INPUT, command.execute("data", "fetch"), "fetch needs a name");
    }

    @Test
    void theDefaultDataRootIsTheOneRunsUse() {
        DataRootOption option = new DataRootOption();
        assertEquals(Path.of(System.getProperty("user.home"), ".transferlab", "data"), option.path());
        option.root = "~/elsewhere";
        assertEquals(Path.of(System.getProperty("user.home"), "elsewhere"), option.path());
    }
}
