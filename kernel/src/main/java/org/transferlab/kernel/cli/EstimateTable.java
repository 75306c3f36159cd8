package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferlab.api.PluginKind;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Network;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.estimate.Calibration;
import org.transferlab.kernel.estimate.MachineKey;
import org.transferlab.kernel.estimate.PlanEstimate;
import org.transferlab.kernel.plan.TaskGraph;

/** {@code plan --estimate}: the plan's expected time on this machine, by task kind. */
final class EstimateTable {

    private EstimateTable() {
    }

    static void print(PrintWriter out, ExperimentOptions.Loaded loaded, TaskGraph graph, Path runDirectory,
                      Path folder, boolean recalibrate) throws IOException {
        ExperimentConfig config = loaded.experiment().config();
        RuntimeOptions runtime = RuntimeOptions.from(config.runtimeOrDefault());
        MachineKey machine = MachineKey.of(runtime, VersionProvider.kernelVersion(), code(loaded));
        Calibration calibration = recalibrate ? Calibration.empty(folder, machine) : Calibration.open(folder, machine);
        PlanEstimate estimate = PlanEstimate.of(config, loaded.plugins(), graph, runDirectory, runtime, calibration);
        if (estimate.measured() > 0) {
            calibration.save();
        }
        out.printf(Locale.ROOT, "%nestimated time on this machine (%s)%n", machine.description());
        out.printf(Locale.ROOT, "%d speeds measured now, %d kept in %s%n", estimate.measured(),
                calibration.size() - estimate.measured(), calibration.file());
        out.printf(Locale.ROOT, "%-10s %7s %8s %12s %12s%n", "kind", "tasks", "pending", "all", "pending");
        for (PlanEstimate.Row row : estimate.rows()) {
            out.printf(Locale.ROOT, "%-10s %7d %8d %12s %12s%n", row.kind().label(), row.tasks(), row.pending(),
                    duration(row.seconds()), duration(row.pendingSeconds()));
        }
        out.printf(Locale.ROOT, "%-10s %7d %8d %12s %12s%n", "total", graph.size(),
                estimate.rows().stream().mapToInt(PlanEstimate.Row::pending).sum(), duration(estimate.seconds()),
                duration(estimate.pendingSeconds()));
        out.println("Run-wide costs (reading datasets, writing the report) and scheduling are not included; "
                + "a cluster divides the time by its parallel jobs at best.");
    }

    /** The kernel's JAR and those of the model and attack plugins: the code that builds and runs the graphs. */
    private static List<Path> code(ExperimentOptions.Loaded loaded) {
        List<Path> code = new ArrayList<>();
        try {
            code.add(Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no kernel JAR to key on (classes from an unusual loader): the versions still key the calibration
        }
        loaded.plugins().plugins().stream()
                .filter(plugin -> plugin.kind() == PluginKind.MODEL || plugin.kind() == PluginKind.ATTACK)
                .map(plugin -> asPath(plugin.source()))
                .filter(path -> path != null)
                .forEach(code::add);
        return code;
    }

    private static Path asPath(String source) {
        try {
            return Path.of(source);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** 42 s, 3 min 05 s, 2 h 07 min. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
