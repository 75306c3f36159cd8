package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.kernel.data.ByteCount;
import org.transferlab.kernel.data.PublishedFileCheck;
import org.transferlab.kernel.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists every file of every dataset plugin (with its default options): present or missing, where, "
                + "and its size.")
final class DataListCommand implements Callable<Integer> {

    @Mixin
    DataRootOption dataRoot;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return list(plugins.load(), dataRoot.path(), spec.commandLine().getOut());
    }

    int list(PluginCatalog catalog, Path root, PrintWriter out) {
        out.println("data root: " + root);
        DataContext context = new DataContext(root, false);
        TextTable table = new TextTable().row("DATASET", "FILE", "STATUS", "SIZE", "PATH");
        boolean anyMissing = false;
        for (DatasetEntries.Entry entry : DatasetEntries.all(catalog)) {
            if (entry.error() != null) {
                table.row(entry.name(), "-", "error", "-", entry.error());
                continue;
            }
            List<DataFileStatus> files;
            try {
                files = entry.status(context);
            } catch (RuntimeException e) {
                table.row(entry.name(), "-", "error", "-", "cannot tell where its files are: " + e.getMessage());
                continue;
            }
            if (files.isEmpty()) {
                table.row(entry.name(), "-", "needs no files", "-", "-");
            }
            for (DataFileStatus file : files) {
                if (file.path().isEmpty()) {
                    anyMissing = true;
                    table.row(entry.name(), file.file().name(), "missing", "-", "-");
                } else {
                    Path path = file.path().get();
                    table.row(entry.name(), file.file().name(),
                            file.isPublishedForm() ? "present" : "present, " + PublishedFileCheck.otherForm(file),
                            size(path), path.toString());
                }
            }
        }
        table.print(out);
        if (anyMissing) {
            out.println("to download missing files: transferlab data fetch NAME...");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String size(Path path) {
        try {
            return ByteCount.format(Files.size(path));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
