package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Downloads the missing files of the named datasets from their publishers' mirrors into the data "
                + "root, checking every checksum.",
                "Example: transferlab data fetch mnist fashion-mnist"})
final class DataFetchCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NAME", description = "Dataset plugin names, e.g. mnist.")
    List<String> names;

    @Mixin
    DataRootOption dataRoot;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return fetch(plugins.load(), names, dataRoot.path(), ConsoleTransferProgress.create(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int fetch(PluginCatalog catalog, List<String> datasets, Path root, TransferProgress progress, PrintWriter out,
              PrintWriter err) {
        List<DatasetEntries.Entry> entries = DatasetEntries.named(catalog, datasets);
        DataContext context = new DataContext(root, true, progress);
        int failed = 0;
        for (DatasetEntries.Entry entry : entries) {
            if (entry.error() != null) {
                err.println("error: dataset " + entry.name() + ": " + entry.error());
                failed++;
                continue;
            }
            if (entry.files().isEmpty()) {
                out.println(entry.name() + ": needs no files");
                continue;
            }
            long missing = entry.status(context).stream().filter(file -> file.path().isEmpty()).count();
            if (missing == 0) {
                out.println(entry.name() + ": all " + entry.files().size() + " files present");
            } else {
                out.println(entry.name() + ": downloading " + missing + " of " + entry.files().size() + " files");
                out.flush();
                try {
                    entry.fetch(context);
                } catch (IOException | RuntimeException e) {
                    err.println("error: " + e.getMessage());
                    err.flush();
                    failed++;
                    continue;
                }
            }
            TextTable table = new TextTable();
            for (DataFileStatus file : entry.status(context)) {
                table.row("  " + file.file().name(), file.path().map(Path::toString).orElse("missing"));
            }
            table.print(out);
        }
        out.flush();
        if (failed > 0) {
            err.println(failed + " of " + entries.size() + (entries.size() == 1 ? " dataset" : " datasets")
                    + " not fetched");
            err.flush();
            return ExitCodes.RUN_FAILURE;
        }
        return ExitCodes.OK;
    }
}
