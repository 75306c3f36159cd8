package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.transferlab.kernel.config.ClusterConfig;
import org.transferlab.kernel.executor.StudyInvocation;

/**
 * The text of a submission's batch scripts. Each array job reads its task id from line {@code SLURM_ARRAY_TASK_ID + 1}
 * of its tasks file and runs {@code transferlab task run ID}; the final job runs {@code transferlab task finish}.
 * Slurm's warning signal ({@code --signal=B:USR1@90}) goes to the batch shell only, which passes it, and a
 * cancellation's SIGTERM, on to transferlab; transferlab stops at its next safe point and discards the task, so that a
 * requeued job starts it from scratch. Every job leaves its exit status in the submission's {@code exits/} folder.
 */
final class BatchScripts {

    /** How long a job waits for whatever holds its way: a submission in progress, a previous attempt of its task. */
    static final int LOCK_WAIT_SECONDS = 600;

    private final String experiment;
    private final Path submission;
    private final Path workingDirectory;
    private final List<String> transferlab;
    private final StudyInvocation invocation;
    private final ClusterConfig cluster;
    private final Integer arrayLimit;
    private final int threads;
    private final boolean force;

    /**
     * @param submission        the submission's folder, where scripts, tasks files, logs and exit statuses go
     * @param workingDirectory  where the jobs run, so that relative paths in the experiment file mean what they meant here
     * @param transferlab       the command that starts transferlab on a node
     * @param invocation        the study, read from the submission's copy of the experiment file
     * @param arrayLimit        at most this many tasks of one array at once, or null
     * @param threads           each task's TensorFlow threads
     */
    BatchScripts(String experiment, Path submission, Path workingDirectory, List<String> transferlab,
            StudyInvocation invocation, ClusterConfig cluster, Integer arrayLimit, int threads, boolean force) {
        this.experiment = requireNonNull(experiment, "experiment is null");
        this.submission = requireNonNull(submission, "submission is null");
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
        this.transferlab = List.copyOf(transferlab);
        this.invocation = requireNonNull(invocation, "invocation is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.arrayLimit = arrayLimit;
        this.threads = threads;
        this.force = force;
    }

    String array(ArrayJob array) {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        List<String> options = new ArrayList<>();
        options.add("--job-name=" + jobName(array.name()));
        options.add("--array=0-" + (array.tasks().size() - 1) + (arrayLimit == null ? "" : "%" + arrayLimit));
        options.add("--output=" + literal(submission.resolve(Submission.LOGS)) + "/"
                + Submission.logName(Submission.elementName(array.name(), "%a")));
        options.addAll(common(array.resources()));
        options.forEach(option -> script.append("#SBATCH ").append(option).append('\n'));
        script.append("#\n# transferlab study ").append(experiment).append(": ").append(array.tasks().size())
                .append(array.tasks().size() == 1 ? " task" : " tasks").append(" of dependency level ")
                .append(array.level()).append("; array index i runs the task on line i+1 of ").append(array.tasksFile())
                .append(".\n");
        prologue(script);
        script.append("tasks=").append(Shell.quote(submission.resolve(array.tasksFile()).toString())).append('\n');
        script.append("id=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" \"$tasks\")\n");
        script.append("exit_file=").append(Shell.quote(submission.resolve(Submission.EXITS)
                .resolve(Submission.elementName(array.name(), "")).toString())).append("\"$SLURM_ARRAY_TASK_ID\"\n");
        script.append("if [ -z \"$id\" ]; then\n")
                .append("  echo \"transferlab: no task on line $((SLURM_ARRAY_TASK_ID + 1)) of $tasks\" >&2\n")
                .append("  echo 2 > \"$exit_file\"\n  exit 2\nfi\n");
        script.append("echo \"transferlab: task $id, job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname -s), "
                + "attempt $((${SLURM_RESTART_COUNT:-0} + 1))\"\n");
        List<String> command = new ArrayList<>(transferlab);
        command.addAll(List.of("task", "run"));
        script.append(Shell.command(command)).append(" \"$id\" ").append(Shell.command(taskOptions())).append(" &\n");
        supervise(script);
        return script.toString();
    }

    String finish() {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        List<String> options = new ArrayList<>();
        options.add("--job-name=" + jobName(Submission.FINISH));
        options.add("--output=" + literal(submission.resolve(Submission.LOGS)) + "/" + Submission.logName(Submission.FINISH));
        options.addAll(common(null));
        options.forEach(option -> script.append("#SBATCH ").append(option).append('\n'));
        script.append("#\n# transferlab study ").append(experiment)
                .append(": the final job, after every array of the submission succeeded. It writes results.csv, the "
                        + "verdicts and the report.\n");
        prologue(script);
        script.append("exit_file=").append(Shell.quote(submission.resolve(Submission.EXITS).resolve(Submission.FINISH)
                .toString())).append('\n');
        List<String> command = new ArrayList<>(transferlab);
        command.addAll(List.of("task", "finish"));
        command.addAll(invocation.arguments());
        command.addAll(List.of("--lock-wait", Integer.toString(LOCK_WAIT_SECONDS)));
        script.append(Shell.command(command)).append(" &\n");
        supervise(script);
        return script.toString();
    }

    /**
     * {@code submit.sh}: the sbatch commands of the whole submission, in order, each job's dependencies named by the
     * ids of the jobs submitted before it. What {@code run --executor slurm} runs, and what {@code --dry-run} leaves.
     */
    String submitScript(SubmissionPlan plan, boolean withFinish) {
        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        script.append(withFinish ? "# Submits the job arrays of this folder in order, then the final job; prints their job ids.\n"
                : "# Submits the job arrays of this folder in order; prints their job ids. There is no final job: tasks "
                        + "of the plan are left that this submission does not run.\n");
        script.append("set -euo pipefail\ncd ").append(Shell.quote(submission.toString())).append('\n');
        List<String> all = new ArrayList<>();
        for (ArrayJob array : plan.arrays()) {
            String variable = variable(array.name());
            script.append(variable).append("=$(sbatch --parsable");
            dependency(array, name -> "${" + variable(name) + "%%;*}").ifPresent(d -> script.append(' ').append(d));
            script.append(' ').append(array.script()).append(")\n");
            all.add(array.name());
        }
        if (withFinish) {
            script.append("finish=$(sbatch --parsable");
            if (!all.isEmpty()) {
                script.append(" --dependency=afterok:").append(String.join(":", all.stream()
                        .map(name -> "${" + variable(name) + "%%;*}").toList()));
            }
            script.append(" finish.sh)\n");
        }
        script.append("echo").append(all.stream().map(name -> " \"${" + variable(name) + "%%;*}\"").reduce("", String::concat))
                .append(withFinish ? " \"${finish%%;*}\"\n" : "\n");
        return script.toString();
    }

    /** The {@code --dependency} option of {@code array}, naming the jobs it waits for through {@code jobId}. */
    static java.util.Optional<String> dependency(ArrayJob array, java.util.function.Function<String, String> jobId) {
        if (array.afterCorr() != null) {
            return java.util.Optional.of("--dependency=aftercorr:" + jobId.apply(array.afterCorr()));
        }
        if (array.afterOk().isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("--dependency=afterok:" + String.join(":", array.afterOk().stream().map(jobId).toList()));
    }

    /** The final job's {@code --dependency}: every array of the submission, by job id. */
    static java.util.Optional<String> finishDependency(Map<String, String> jobIds) {
        return jobIds.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of("--dependency=afterok:" + String.join(":", jobIds.values()));
    }

    private List<String> taskOptions() {
        List<String> options = new ArrayList<>(invocation.arguments());
        options.addAll(List.of("--threads", Integer.toString(threads), "--lock-wait", Integer.toString(LOCK_WAIT_SECONDS)));
        if (force) {
            options.add("--force");
        }
        return options;
    }

    /** The options of every job: where it runs, how it may be stopped and requeued, and what the cluster section asks. */
    private List<String> common(Resources resources) {
        List<String> options = new ArrayList<>();
        options.add("--open-mode=append");
        options.add("--chdir=" + workingDirectory);
        options.add("--requeue");
        options.add("--signal=B:USR1@90");
        options.add("--kill-on-invalid-dep=yes");
        if (cluster.partition() != null) {
            options.add("--partition=" + cluster.partition());
        }
        if (cluster.account() != null) {
            options.add("--account=" + cluster.account());
        }
        options.addAll((resources != null ? resources : finishResources()).sbatchOptions());
        options.addAll(cluster.sbatchOptionsOrEmpty());
        return options;
    }

    private Resources finishResources() {
        return Resources.of(cluster, null, threads);
    }

    private void prologue(StringBuilder script) {
        if (cluster.prologue() != null && !cluster.prologue().isBlank()) {
            script.append("\n# cluster.prologue\n").append(cluster.prologue().strip()).append("\n");
        }
        script.append('\n');
    }

    /**
     * Runs the command started in the background (as {@code $pid}) to its end and leaves its exit status in
     * {@code $exit_file}. Slurm's warning signal reaches only this shell ({@code B:}), so it is passed on; a
     * cancellation's or a time limit's SIGTERM reaches every process of the job, transferlab too, so this shell only
     * outlives it to record the status (passing it on as well would be a second signal, which stops transferlab at once
     * instead of at a safe point). {@code wait} returns early when a trapped signal arrives, so it is repeated while
     * the process lives.
     */
    private static void supervise(StringBuilder script) {
        script.append("pid=$!\n");
        script.append("trap 'kill -USR1 \"$pid\" 2>/dev/null' USR1\n");
        script.append("trap ':' TERM\n");
        script.append("status=0\n");
        script.append("while :; do\n  wait \"$pid\"\n  status=$?\n  kill -0 \"$pid\" 2>/dev/null || break\ndone\n");
        script.append("echo \"$status\" > \"$exit_file.tmp\" && mv -f \"$exit_file.tmp\" \"$exit_file\"\n");
        script.append("exit \"$status\"\n");
    }

    private String jobName(String name) {
        return "tl-" + experiment + "-" + name;
    }

    /** A path as it must appear in one of Slurm's file name patterns, where {@code %} is special. */
    private static String literal(Path path) {
        return path.toString().replace("%", "%%");
    }

    private static String variable(String arrayName) {
        return "job_" + arrayName.replaceAll("[^A-Za-z0-9]", "_");
    }
}
