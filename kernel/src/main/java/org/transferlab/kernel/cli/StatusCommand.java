package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.executor.ScheduledTask;
import org.transferlab.kernel.executor.StudyStatus;
import org.transferlab.kernel.executor.StudyStatus.State;
import org.transferlab.kernel.executor.StudyStatus.TaskStatus;
import org.transferlab.kernel.executor.slurm.SlurmCommands;
import org.transferlab.kernel.executor.slurm.SlurmException;
import org.transferlab.kernel.executor.slurm.Submission;
import org.transferlab.kernel.executor.slurm.SubmissionState;
import org.transferlab.kernel.lock.StudyLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows where a study stands, whichever executor runs it: per kind of task, how many are done, "
                + "running, queued, failed and pending; who runs each running task; why each failed task failed. For a "
                + "Slurm submission, its job ids and states and each failed task's log. Changes nothing.",
                "Give the experiment file (with --output as for run), or a run directory, whose manifest.json lists the "
                        + "tasks."})
final class StatusCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|RUN_DIR", defaultValue = "experiments.yaml",
            description = "Experiment file or run directory (default: ${DEFAULT-VALUE}).")
    Path target;

    @Mixin
    PluginOptions plugins;

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the file's output setting).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path runDirectory;
        List<StudyStatus.PlannedTask> tasks;
        if (Files.isDirectory(target)) {
            runDirectory = target.toAbsolutePath().normalize();
            try {
                tasks = StudyStatus.fromManifest(runDirectory);
            } catch (IOException e) {
                throw new BadInputException(runDirectory + " has no readable manifest.json listing its tasks ("
                        + e.getMessage() + "); give the experiment file instead: transferlab status FILE");
            }
        } else {
            ExperimentOptions.Loaded loaded = ExperimentOptions.load(target, plugins);
            ExperimentConfig config = loaded.experiment().config();
            runDirectory = ExecutionOptions.runDirectory(config, output);
            tasks = StudyStatus.of(loaded.graph());
        }
        PrintWriter out = spec.commandLine().getOut();
        Optional<Submission> submission = Submission.latest(runDirectory);
        Map<String, ScheduledTask> scheduled = Map.of();
        SubmissionState state = null;
        String slurmProblem = null;
        if (submission.isPresent()) {
            try {
                state = new SubmissionState(submission.get(), new SlurmCommands().queued(submission.get().jobIds()));
            } catch (SlurmException e) {
                slurmProblem = e.getMessage();
                state = new SubmissionState(submission.get(), List.of());
            }
            scheduled = state.tasks();
        }
        List<TaskStatus> statuses = StudyStatus.of(tasks, runDirectory, scheduled);
        print(statuses, runDirectory, out);
        if (state != null) {
            out.println();
            out.println("slurm submission " + state.submission().record().id() + " (" + state.submission().folder() + "):");
            state.jobLines().forEach(line -> out.println("  " + line));
            if (slurmProblem != null) {
                out.println("  (Slurm could not be asked, so only the jobs' exit files are shown: " + slurmProblem + ")");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(List<TaskStatus> statuses, Path runDirectory, PrintWriter out) {
        out.println("study " + runDirectory.getFileName() + " (" + runDirectory + "): " + statuses.size()
                + (statuses.size() == 1 ? " task" : " tasks"));
        StudyLock.exclusiveHolder(runDirectory).ifPresent(holder -> out.println("held by transferlab " + holder.command()
                + ", " + holder.describe()));
        Map<String, Map<State, Integer>> counts = new LinkedHashMap<>();
        Map<State, Integer> all = new EnumMap<>(State.class);
        for (TaskStatus status : statuses) {
            counts.computeIfAbsent(status.task().kind(), kind -> new EnumMap<>(State.class)).merge(status.state(), 1, Integer::sum);
            all.merge(status.state(), 1, Integer::sum);
        }
        out.println();
        StringBuilder header = new StringBuilder(String.format("%-10s", "kind"));
        for (State state : State.values()) {
            header.append(String.format(" %8s", state.label()));
        }
        out.println(header);
        counts.forEach((kind, byState) -> out.println(row(kind, byState)));
        out.println(row("all", all));
        for (State state : List.of(State.RUNNING, State.FAILED, State.QUEUED, State.PENDING)) {
            List<TaskStatus> listed = statuses.stream().filter(status -> status.state() == state)
                    .filter(status -> state != State.PENDING || status.detail() != null).toList();
            if (listed.isEmpty()) {
                continue;
            }
            out.println();
            out.println(state.label() + ":");
            listed.stream().limit(50).forEach(status -> out.println("  " + status.task().id()
                    + (status.detail() == null ? "" : "  " + status.detail())
                    + (status.log() == null || state == State.QUEUED ? "" : "  log: " + status.log())));
            if (listed.size() > 50) {
                out.println("  … and " + (listed.size() - 50) + " more");
            }
        }
    }

    private static String row(String kind, Map<State, Integer> byState) {
        StringBuilder row = new StringBuilder(String.format("%-10s", kind));
        for (State state : State.values()) {
            row.append(String.format(" %8d", byState.getOrDefault(state, 0)));
        }
        return row.toString();
    }
}
