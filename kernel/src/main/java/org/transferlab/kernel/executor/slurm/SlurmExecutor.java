package org.transferlab.kernel.executor.slurm;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.kernel.config.ClusterConfig;
import org.transferlab.kernel.exec.Runner;
import org.transferlab.kernel.executor.ScheduledTask;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.executor.TransferlabProcess;
import org.transferlab.kernel.lock.LockedException;
import org.transferlab.kernel.plan.Task;

/**
 * {@code run --executor slurm}: submits the pending tasks of a plan as job arrays, chained by their dependencies, and a
 * final job that writes the results and the report. Only what is not cached is submitted, so after a failure or a
 * cancelled job the same command submits what is left. The caller holds the run directory while this submits; the
 * jobs themselves share it.
 */
public final class SlurmExecutor {

    /** What Slurm allows when its configuration cannot be read (a dry run without Slurm): its default. */
    static final int DEFAULT_MAX_ARRAY_SIZE = 1001;
    private static final DateTimeFormatter SUBMISSION_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * What to submit.
     *
     * @param plan              every task of the plan, in plan order
     * @param tasks             the selected tasks, in plan order; those cached are left out unless {@code force}
     * @param invocation        the study as every job must plan it
     * @param runtimeThreads    the file's {@code runtime.threads}
     * @param arrayLimit        {@code %K}: at most K tasks of one array at once, or null
     * @param workingDirectory  where the jobs run
     */
    public record Request(String experiment, Path runDirectory, List<Task> plan, List<Task> tasks, boolean force, StudyInvocation invocation,
                          ClusterConfig cluster, int runtimeThreads, Integer arrayLimit, boolean dryRun,
                          Path workingDirectory) {
    }

    private final SlurmClient slurm;
    private final TransferlabProcess transferlab;

    public SlurmExecutor(SlurmClient slurm, TransferlabProcess transferlab) {
        this.slurm = requireNonNull(slurm, "slurm is null");
        this.transferlab = requireNonNull(transferlab, "transferlab is null");
    }

    /** The TensorFlow threads of each task's job: {@code runtime.threads}, else the CPUs each job gets. */
    public static int taskThreads(ClusterConfig cluster, int runtimeThreads) {
        return runtimeThreads > 0 ? runtimeThreads : Resources.cpus(cluster, runtimeThreads);
    }

    /**
     * Refuses, naming them, when jobs of an earlier submission of the run directory are still queued or running: the
     * new submission would run their tasks a second time, or read their artefacts before they are written.
     */
    public void requireNoActiveSubmission(Path runDirectory) {
        for (Submission submission : Submission.all(runDirectory)) {
            List<String> ids = submission.jobIds();
            List<String> active = slurm.queued(ids).stream()
                    .filter(job -> ScheduledTask.isQueued(job.state()) || ScheduledTask.isStarted(job.state()))
                    .map(SlurmClient.QueuedJob::jobId).distinct().toList();
            if (!active.isEmpty()) {
                throw new LockedException("submission " + submission.record().id() + " of this study still has jobs in "
                        + "Slurm's queue (" + String.join(", ", active) + "); follow it with transferlab status "
                        + runDirectory + ", or cancel it with scancel " + String.join(" ", active)
                        + ", then submit again");
            }
        }
    }

    /** Writes the submission's folder and, unless it is a dry run, submits its jobs. */
    public Submission submit(Request request) throws IOException {
        Set<String> toRun = Runner.toRun(request.tasks(), request.force(), request.runDirectory());
        List<Task> pending = request.tasks().stream().filter(task -> toRun.contains(task.id())).toList();
        int maxArraySize = maxArraySize(request.dryRun());
        int cpus = Resources.cpus(request.cluster(), request.runtimeThreads());
        int threads = taskThreads(request.cluster(), request.runtimeThreads());
        SubmissionPlan plan = SubmissionPlan.of(pending, request.cluster(), cpus, maxArraySize);
        Set<Task> submitted = Set.copyOf(pending);
        // With --only, tasks may be left that neither run now nor are cached: then no final job, as a run writes no
        // results while tasks of its plan have not run.
        boolean completesThePlan = request.plan().stream()
                .allMatch(task -> submitted.contains(task) || Runner.isCached(task, request.runDirectory()));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path folder = newFolder(request.runDirectory(), SUBMISSION_ID.format(now));
        Files.createDirectories(folder.resolve(Submission.LOGS));
        Files.createDirectories(folder.resolve(Submission.EXITS));
        Path copy = folder.resolve(request.invocation().file().getFileName());
        Files.copy(request.invocation().file(), copy, StandardCopyOption.COPY_ATTRIBUTES);
        BatchScripts scripts = new BatchScripts(request.experiment(), folder, request.workingDirectory(),
                transferlab.command(), request.invocation().withFile(copy), request.cluster(), request.arrayLimit(),
                threads, request.force());
        for (ArrayJob array : plan.arrays()) {
            writeScript(folder.resolve(array.script()), scripts.array(array));
            Files.writeString(folder.resolve(array.tasksFile()),
                    array.tasks().stream().map(task -> task.id() + "\n").collect(Collectors.joining()), StandardCharsets.UTF_8);
        }
        if (completesThePlan) {
            writeScript(folder.resolve("finish.sh"), scripts.finish());
        }
        writeScript(folder.resolve("submit.sh"), scripts.submitScript(plan, completesThePlan));

        List<Submission.Array> arrays = new ArrayList<>();
        for (ArrayJob array : plan.arrays()) {
            arrays.add(new Submission.Array(array.name(), array.level(), null,
                    BatchScripts.dependency(array, name -> name).orElse(null), array.tasks().stream().map(Task::id).toList()));
        }
        Submission submission = new Submission(folder, new Submission.Record(folder.getFileName().toString(), now.toString(),
                request.experiment(), request.invocation().file().toString(), false, arrays,
                completesThePlan ? new Submission.Job(null, null) : null));
        submission.write();
        return request.dryRun() ? submission : submitJobs(submission, plan, completesThePlan);
    }

    private Submission submitJobs(Submission submission, SubmissionPlan plan, boolean withFinish) throws IOException {
        Map<String, String> ids = new LinkedHashMap<>();
        List<Submission.Array> arrays = new ArrayList<>(submission.record().arrays());
        try {
            for (int i = 0; i < plan.arrays().size(); i++) {
                ArrayJob array = plan.arrays().get(i);
                List<String> options = BatchScripts.dependency(array, ids::get).map(List::of).orElse(List.of());
                String id = slurm.submit(options, submission.folder().resolve(array.script()));
                ids.put(array.name(), id);
                arrays.set(i, new Submission.Array(array.name(), array.level(), id, options.isEmpty() ? null : options.get(0),
                        arrays.get(i).tasks()));
                submission = submission.with(record(submission, arrays, true, null));
                submission.write();
            }
            if (withFinish) {
                List<String> options = BatchScripts.finishDependency(ids).map(List::of).orElse(List.of());
                String finish = slurm.submit(options, submission.folder().resolve("finish.sh"));
                submission = submission.with(record(submission, arrays, true,
                        new Submission.Job(finish, options.isEmpty() ? null : options.get(0))));
                submission.write();
            }
            return submission;
        } catch (SlurmException e) {
            if (!ids.isEmpty()) {
                slurm.cancel(ids.values());
            }
            throw new SlurmException(e.getMessage() + (ids.isEmpty() ? "" : "; the jobs submitted before it ("
                    + String.join(", ", ids.values()) + ") were cancelled"));
        }
    }

    private static Submission.Record record(Submission submission, List<Submission.Array> arrays, boolean submitted,
            Submission.Job finish) {
        Submission.Record record = submission.record();
        return new Submission.Record(record.id(), record.created(), record.experiment(), record.experimentFile(),
                submitted, List.copyOf(arrays), finish != null ? finish : record.finish());
    }

    private int maxArraySize(boolean dryRun) {
        if (!dryRun) {
            return slurm.maxArraySize();
        }
        try {
            return slurm.maxArraySize();
        } catch (SlurmException e) {
            return DEFAULT_MAX_ARRAY_SIZE;
        }
    }

    private static Path newFolder(Path runDirectory, String id) throws IOException {
        Path root = runDirectory.resolve(Submission.FOLDER);
        Files.createDirectories(root);
        for (int attempt = 1; ; attempt++) {
            Path folder = root.resolve(attempt == 1 ? id : id + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a submission in the same second: the next name
            }
        }
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
