package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.DataFileStatus;
import org.transferlab.kernel.data.PublishedFileCheck;
import org.transferlab.kernel.data.PublishedFileCheck.Result;
import org.transferlab.kernel.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Computes the checksum of every dataset file found in its published form and compares it with "
                + "the publisher's; exit status 1 when any differs. A copy in another form (uncompressed, or "
                + "recompressed by a packager) is checked by what it holds decompressed: against the content's "
                + "SHA-256 where the plugin pins one, else by its header and size (then it is reported as present but "
                + "unverifiable)."})
final class DataVerifyCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Dataset plugin names (default: every one).")
    List<String> names = List.of();

    @Mixin
    DataRootOption dataRoot;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return verify(plugins.load(), names, dataRoot.path(), spec.commandLine().getOut());
    }

    int verify(PluginCatalog catalog, List<String> datasets, Path root, PrintWriter out) {
        List<DatasetEntries.Entry> entries = datasets.isEmpty()
                ? DatasetEntries.all(catalog)
                : DatasetEntries.named(catalog, datasets);
        out.println("data root: " + root);
        DataContext context = new DataContext(root, false);
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        int errors = 0;
        TextTable table = new TextTable().row("DATASET", "FILE", "RESULT", "PATH");
        for (DatasetEntries.Entry entry : entries) {
            if (entry.error() != null) {
                table.row(entry.name(), "-", "error", entry.error());
                errors++;
                continue;
            }
            List<DataFileStatus> files = entry.status(context);
            if (files.isEmpty()) {
                table.row(entry.name(), "-", "needs no files", "-");
            }
            for (DataFileStatus file : files) {
                PublishedFileCheck check;
                try {
                    check = PublishedFileCheck.of(file);
                } catch (IOException e) {
                    table.row(entry.name(), file.file().name(), "error", file.path().map(Path::toString).orElse("-"));
                    table.note("    cannot read it: " + e.getMessage());
                    errors++;
                    continue;
                }
                counts.merge(check.result(), 1, Integer::sum);
                table.row(entry.name(), file.file().name(), label(check.result()),
                        file.path().map(Path::toString).orElse("-"));
                if (check.result() == Result.MISMATCH || check.result() == Result.CANNOT_VERIFY) {
                    table.note("    " + check.detail());
                }
            }
        }
        table.print(out);
        int mismatches = counts.getOrDefault(Result.MISMATCH, 0);
        out.printf(Locale.ROOT, "%d OK, %d mismatched, %d present but unverifiable, %d missing%s%n",
                counts.getOrDefault(Result.OK, 0), mismatches, counts.getOrDefault(Result.CANNOT_VERIFY, 0),
                counts.getOrDefault(Result.MISSING, 0), errors > 0 ? ", " + errors + " errors" : "");
        out.flush();
        return mismatches > 0 || errors > 0 ? ExitCodes.RUN_FAILURE : ExitCodes.OK;
    }

    private static String label(Result result) {
        return switch (result) {
            case OK -> "OK";
            case MISMATCH -> "MISMATCH";
            case CANNOT_VERIFY -> "present, not the published bytes - cannot verify";
            case MISSING -> "missing";
        };
    }
}
