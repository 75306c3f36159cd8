package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFile;
import org.transferlab.api.data.DataFileStatus;

/**
 * The published files of one dataset, as its plugin reads them. Each is looked for by its {@link DataFileLocator}
 * under its name, and a {@code .gz} file also uncompressed; missing files are downloaded, checksums verified, into the
 * plain folder {@code <root>/<dataset>/}. This is what a plugin's {@code status}, {@code fetch} and {@code open} use.
 */
public final class DatasetFiles {

    private final DataFileLocator locator;
    private final List<DataFile> files;
    private final Downloader downloader;

    public DatasetFiles(DataFileLocator locator, List<DataFile> files) {
        this(locator, files, new Downloader());
    }

    /**
     * @throws IllegalArgumentException when the locator does not search {@code <root>/<dataset>/}, where downloads go
     */
    public DatasetFiles(DataFileLocator locator, List<DataFile> files, Downloader downloader) {
        this.locator = Objects.requireNonNull(locator, "locator is null");
        this.files = List.copyOf(files);
        this.downloader = Objects.requireNonNull(downloader, "downloader is null");
        if (!locator.searchesPlainFolder()) {
            throw new IllegalArgumentException("dataset " + locator.dataset() + ": the locator must search the folder "
                    + locator.dataset() + " below the data root, where downloads are written");
        }
    }

    public List<DataFile> files() {
        return files;
    }

    /** Where each file is found, in the order of {@link #files()}; a {@code .gz} file found uncompressed counts. */
    public List<DataFileStatus> status(DataContext context) {
        return files.stream()
                .map(file -> new DataFileStatus(file, locator.find(context.root(), searchName(file))))
                .toList();
    }

    /**
     * Finds every file, downloading the missing ones first when {@code context.download()} is true.
     *
     * @return each file's published name mapped to the copy to read (which may be uncompressed), in order
     * @throws MissingDataFilesException when a file is missing and cannot be downloaded; it says where to put it
     * @throws IOException               when the data root cannot be written
     */
    public Map<String, Path> locate(DataContext context) throws IOException {
        if (context.download()) {
            return fetchMissing(context);
        }
        List<String> names = files.stream().map(DatasetFiles::searchName).toList();
        boolean downloadable = files.stream().allMatch(file -> !file.mirrors().isEmpty());
        String advice = downloadable
                ? "or let transferlab download them: run 'transferlab data fetch " + locator.dataset()
                        + "', or set download: true under data in the experiment file"
                : null;
        Map<String, Path> found = locator.locate(context, names, advice);
        Map<String, Path> byPublishedName = new LinkedHashMap<>();
        for (DataFile file : files) {
            byPublishedName.put(file.name(), found.get(searchName(file)));
        }
        return Collections.unmodifiableMap(byPublishedName);
    }

    /**
     * Downloads every file that {@link #status} does not find, whatever {@code context.download()} says.
     *
     * @throws MissingDataFilesException when a file cannot be downloaded; it names each URL tried and why it failed
     */
    public void fetch(DataContext context) throws IOException {
        fetchMissing(context);
    }

    private Map<String, Path> fetchMissing(DataContext context) throws IOException {
        Map<String, Path> found = new LinkedHashMap<>();
        List<DataFile> missing = new ArrayList<>();
        for (DataFileStatus status : status(context)) {
            if (status.path().isPresent()) {
                found.put(status.file().name(), status.path().get());
            } else {
                missing.add(status.file());
            }
        }
        Path folder = locator.plainFolder(context.root());
        List<FileDownloadException> failures = new ArrayList<>();
        for (DataFile file : missing) {
            try {
                found.put(file.name(), downloader.download(file, folder, context.progress()));
            } catch (FileDownloadException e) {
                failures.add(e);
                if (e.noMirrorReachable()) {
                    // No network: the other files' mirrors would only time out as well.
                    break;
                }
            }
        }
        if (!failures.isEmpty()) {
            List<DataFile> stillMissing = missing.stream().filter(file -> !found.containsKey(file.name())).toList();
            throw downloadFailed(context, missing.size(), stillMissing, failures);
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (DataFile file : files) {
            ordered.put(file.name(), found.get(file.name()));
        }
        return Collections.unmodifiableMap(ordered);
    }

    private MissingDataFilesException downloadFailed(DataContext context, int missingCount, List<DataFile> stillMissing,
                                                     List<FileDownloadException> failures) {
        boolean offline = failures.stream().allMatch(FileDownloadException::noMirrorReachable);
        StringBuilder message = new StringBuilder("dataset ").append(locator.dataset()).append(": ");
        if (offline) {
            message.append("cannot download ").append(stillMissing.size()).append(" missing data files: no mirror")
                    .append(" could be reached (connection refused or unknown host), so this machine seems to have")
                    .append(" no network access");
        } else {
            message.append(failures.size()).append(" of ").append(missingCount)
                    .append(" missing data files could not be downloaded");
        }
        for (FileDownloadException failure : failures) {
            message.append('\n').append(failure.getMessage());
        }
        message.append("\nstill missing: ")
                .append(String.join(", ", stillMissing.stream().map(DataFile::name).toList()))
                .append('\n').append(locator.searchedAndHowToProvide(context));
        List<DataFile> downloadable = stillMissing.stream().filter(file -> !file.mirrors().isEmpty()).toList();
        if (!downloadable.isEmpty()) {
            message.append("\nthe published files can be downloaded (elsewhere, if need be) from:");
            for (DataFile file : downloadable) {
                message.append("\n  ").append(file.mirrors().get(0));
            }
        }
        MissingDataFilesException exception = locator.missing(context,
                stillMissing.stream().map(DatasetFiles::searchName).toList(), message.toString());
        exception.initCause(failures.get(0));
        return exception;
    }

    /** The name the locator looks for: a {@code .gz} file's name without the suffix, since it also finds that. */
    static String searchName(DataFile file) {
        String name = file.name();
        return name.endsWith(".gz") ? name.substring(0, name.length() - ".gz".length()) : name;
    }
}
