package org.transferlab.plugins.datasets.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.transferlab.api.data.DataContext;

/**
 * Where a file-based dataset plugin finds its files. Each file is looked for as {@code <file>} or {@code <file>.gz}
 * (or with other {@linkplain #withSuffixes suffixes}) in each search folder in turn: the folders below the data root
 * first, then well-known system folders (such as those that distribution packages install). The first match wins;
 * nothing outside these folders is read.
 */
public final class DataFileLocator {

    private static final List<String> RAW_OR_GZIP = List.of("", ".gz");

    private final String dataset;
    private final List<Path> rootFolders;
    private final List<Path> systemFolders;
    private final List<String> suffixes;

    /**
     * @param dataset        the plugin name, used in messages and as the folder that users are told to fill
     * @param rootFolders    folders relative to the data root, in search order; they may not leave the root
     * @param systemFolders  absolute folders searched after the data root, in order
     */
    public DataFileLocator(String dataset, List<String> rootFolders, List<Path> systemFolders) {
        this(dataset, rootFolders, systemFolders, RAW_OR_GZIP);
    }

    private DataFileLocator(String dataset, List<String> rootFolders, List<Path> systemFolders, List<String> suffixes) {
        this.dataset = Objects.requireNonNull(dataset, "dataset is null");
        List<Path> relative = new ArrayList<>();
        for (String folder : rootFolders) {
            Path path = Path.of(folder).normalize();
            if (path.isAbsolute() || path.startsWith("..") || path.toString().isEmpty()) {
                throw new IllegalArgumentException("not a folder below the data root: " + folder);
            }
            relative.add(path);
        }
        this.rootFolders = List.copyOf(relative);
        for (Path folder : systemFolders) {
            if (!folder.isAbsolute()) {
                throw new IllegalArgumentException("system folder is not absolute: " + folder);
            }
        }
        this.systemFolders = List.copyOf(systemFolders);
        if (suffixes.isEmpty() || !suffixes.get(0).isEmpty()) {
            throw new IllegalArgumentException("suffixes must start with \"\", the file's own name: " + suffixes);
        }
        this.suffixes = List.copyOf(suffixes);
    }

    /**
     * The same search with other forms of each file: {@code suffixes} are tried in order within each folder, and must
     * start with {@code ""}, the file's own name, e.g. {@code "", ".gz", ".xz"}.
     */
    public DataFileLocator withSuffixes(List<String> suffixes) {
        return new DataFileLocator(dataset, rootFolders.stream().map(Path::toString).toList(), systemFolders, suffixes);
    }

    /**
     * The usual layout: torchvision's cache {@code <root>/<torchvisionName>/raw/}, so an existing torchvision data
     * folder works as is, then the plain {@code <root>/<dataset>/}, then the system folders.
     */
    public static DataFileLocator torchvisionThenPlain(String dataset, String torchvisionName, List<Path> systemFolders) {
        return new DataFileLocator(dataset, List.of(torchvisionName + "/raw", dataset), systemFolders);
    }

    /** Every folder searched for a data root, in order, as absolute paths. */
    public List<Path> searchFolders(Path root) {
        Path base = root.toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>();
        for (Path folder : rootFolders) {
            folders.add(base.resolve(folder));
        }
        folders.addAll(systemFolders);
        return folders;
    }

    /**
     * Finds every one of {@code files}.
     *
     * @return each file name mapped to the path found, in the order asked for
     * @throws MissingDataFilesException naming all the files not found, when any is missing
     */
    public Map<String, Path> locate(DataContext context, List<String> files) throws MissingDataFilesException {
        return locate(context, files,
                context.download() ? "download is on, but downloading is not available yet for " + dataset : null);
    }

    /** As {@link #locate(DataContext, List)}, with {@code advice} (when not null) ending the message. */
    Map<String, Path> locate(DataContext context, List<String> files, String advice) throws MissingDataFilesException {
        List<Path> folders = searchFolders(context.root());
        Map<String, Path> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            Path path = find(folders, file);
            if (path == null) {
                missing.add(file);
            } else {
                found.put(file, path);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append("dataset ").append(dataset).append(": ")
                    .append(missing.size()).append(" of ").append(files.size()).append(" data files not found: ")
                    .append(String.join(", ", missing)).append('\n')
                    .append(searchedAndHowToProvide(context));
            if (advice != null) {
                message.append('\n').append(advice);
            }
            throw missing(context, missing, message.toString());
        }
        return Collections.unmodifiableMap(found);
    }

    /** Where {@code file} is found for a data root, if anywhere: what {@link #locate} would use. */
    public Optional<Path> find(Path root, String file) {
        return Optional.ofNullable(find(searchFolders(root), file));
    }

    /** The folder below the data root named after the dataset, where users are told to put files and downloads go. */
    public Path plainFolder(Path root) {
        return root.toAbsolutePath().normalize().resolve(dataset);
    }

    boolean searchesPlainFolder() {
        return rootFolders.contains(Path.of(dataset));
    }

    String dataset() {
        return dataset;
    }

    MissingDataFilesException missing(DataContext context, List<String> missing, String message) {
        return new MissingDataFilesException(dataset, missing, searchFolders(context.root()), message);
    }

    private Path find(List<Path> folders, String file) {
        for (Path folder : folders) {
            for (String suffix : suffixes) {
                Path candidate = folder.resolve(file + suffix);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** Every folder searched, then where to put the files by hand. */
    String searchedAndHowToProvide(DataContext context) {
        StringBuilder message = new StringBuilder("searched for ").append(forms()).append(" in:");
        for (Path folder : searchFolders(context.root())) {
            message.append("\n  ").append(folder);
        }
        message.append("\nto provide them, copy or link the files (")
                .append(suffixes.equals(RAW_OR_GZIP) ? "raw or gzip-compressed" : "raw or compressed, as named above")
                .append(") into ").append(plainFolder(context.root()))
                .append(", or point data.root in the YAML file or --data-root on the command line at a data")
                .append(" root that holds them");
        return message.toString();
    }

    /** {@code <file> and <file>.gz}, or the forms of the other suffixes. */
    private String forms() {
        List<String> forms = suffixes.stream().map(suffix -> "<file>" + suffix).toList();
        if (forms.size() == 1) {
            return forms.get(0);
        }
        return String.join(", ", forms.subList(0, forms.size() - 1)) + " and " + forms.get(forms.size() - 1);
    }
}
