package org.transferlab.kernel.executor.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.plan.Task;

class BatchScriptsTest {

    private static final Path SUBMISSION = Path.of("/lab/runs/cluster-study/slurm/20261203-120000");

    private final ClusterStudy study = new ClusterStudy();

    @TempDir
    Path folder;

    private BatchScripts scripts(Path submission, List<String> transferlab, Integer limit, boolean force) {
        return new BatchScripts("cluster-study", submission, Path.of("/lab"), transferlab,
                ClusterStudy.invocation(submission.resolve("cluster.yaml")), study.config.clusterOrDefault(), limit, 2, force);
    }

    @Test
    void anArrayScriptAsksForItsKindsResourcesAndRunsTheTaskOnItsIndexLine() {
        ArrayJob finetune = study.plan(1001).arrays().get(1);

        String script = scripts(SUBMISSION, List.of("/opt/transferlab/bin/transferlab"), 4, false).array(finetune);

        assertEquals("""
                #!/bin/bash
                #SBATCH --job-name=tl-cluster-study-02-finetune
                #SBATCH --array=0-1%4
                #SBATCH --output=/lab/runs/cluster-study/slurm/20261203-120000/logs/02-finetune_%a.log
                #SBATCH --open-mode=append
                #SBATCH --chdir=/lab
                #SBATCH --requeue
                #SBATCH --signal=B:USR1@90
                #SBATCH --kill-on-invalid-dep=yes
                #SBATCH --partition=short
                #SBATCH --account=lab.a_1
                #SBATCH --time=1:00:00
                #SBATCH --cpus-per-task=2
                #SBATCH --mem=6G
                #SBATCH --qos=normal
                #
                # transferlab study cluster-study: 2 tasks of dependency level 1; array index i runs the task on line i+1 of 02-finetune.tasks.

                # cluster.prologue
                module load java/17

                tasks=/lab/runs/cluster-study/slurm/20261203-120000/02-finetune.tasks
                id=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" "$tasks")
                exit_file=/lab/runs/cluster-study/slurm/20261203-120000/exits/02-finetune_"$SLURM_ARRAY_TASK_ID"
                if [ -z "$id" ]; then
                  echo "transferlab: no task on line $((SLURM_ARRAY_TASK_ID + 1)) of $tasks" >&2
                  echo 2 > "$exit_file"
                  exit 2
                fi
                echo "transferlab: task $id, job ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on $(hostname -s), attempt $((${SLURM_RESTART_COUNT:-0} + 1))"
                /opt/transferlab/bin/transferlab task run "$id" /lab/runs/cluster-study/slurm/20261203-120000/cluster.yaml --output /lab/runs --data-root /lab/data --threads 2 --lock-wait 600 &
                pid=$!
                trap 'kill -USR1 "$pid" 2>/dev/null' USR1
                trap ':' TERM
                status=0
                while :; do
                  wait "$pid"
                  status=$?
                  kill -0 "$pid" 2>/dev/null || break
                done
                echo "$status" > "$exit_file.tmp" && mv -f "$exit_file.tmp" "$exit_file"
                exit "$status"
                """, script);
    }

    @Test
    void theFinalJobWritesTheResultsWithTheFinishTimeAndNoGpu() {
        String script = scripts(SUBMISSION, List.of("/opt/transferlab/bin/transferlab"), null, false).finish();

        assertTrue(script.contains("#SBATCH --job-name=tl-cluster-study-finish\n"), script);
        assertTrue(script.contains("#SBATCH --output=/lab/runs/cluster-study/slurm/20261203-120000/logs/finish.log\n"));
        assertTrue(script.contains("#SBATCH --time=0-0:15\n#SBATCH --cpus-per-task=2\n#SBATCH --mem=6G\n"), script);
        assertTrue(script.contains("\n/opt/transferlab/bin/transferlab task finish "
                + "/lab/runs/cluster-study/slurm/20261203-120000/cluster.yaml --output /lab/runs --data-root /lab/data "
                + "--lock-wait 600 &\n"), script);
        assertTrue(script.contains("exit_file=/lab/runs/cluster-study/slurm/20261203-120000/exits/finish\n"), script);
    }

    @Test
    void submitShChainsEveryArrayByTheJobIdsSubmittedBeforeIt() {
        String script = scripts(SUBMISSION, List.of("transferlab"), null, false).submitScript(study.plan(1001), true);

        assertEquals("""
                #!/bin/bash
                # Submits the job arrays of this folder in order, then the final job; prints their job ids.
                set -euo pipefail
                cd /lab/runs/cluster-study/slurm/20261203-120000
                job_01_pretrain=$(sbatch --parsable 01-pretrain.sh)
                job_02_finetune=$(sbatch --parsable --dependency=aftercorr:${job_01_pretrain%%;*} 02-finetune.sh)
                job_03_attack=$(sbatch --parsable --dependency=aftercorr:${job_01_pretrain%%;*} 03-attack.sh)
                job_04_evaluate=$(sbatch --parsable --dependency=afterok:${job_02_finetune%%;*}:${job_03_attack%%;*} 04-evaluate.sh)
                finish=$(sbatch --parsable --dependency=afterok:${job_01_pretrain%%;*}:${job_02_finetune%%;*}:${job_03_attack%%;*}:${job_04_evaluate%%;*} finish.sh)
                echo "${job_01_pretrain%%;*}" "${job_02_finetune%%;*}" "${job_03_attack%%;*}" "${job_04_evaluate%%;*}" "${finish%%;*}"
                """, script);
    }

    @Test
    void dependencyOptionsNameTheJobIdsOfTheArraysWaitedFor() {
        SubmissionPlan plan = study.plan(1001);
        java.util.Map<String, String> ids = java.util.Map.of("01-pretrain", "11", "02-finetune", "12", "03-attack", "13");

        assertEquals(java.util.Optional.empty(), BatchScripts.dependency(plan.arrays().get(0), ids::get));
        assertEquals(java.util.Optional.of("--dependency=aftercorr:11"), BatchScripts.dependency(plan.arrays().get(1), ids::get));
        assertEquals(java.util.Optional.of("--dependency=afterok:12:13"), BatchScripts.dependency(plan.arrays().get(3), ids::get));
    }

    /**
     * The script run by bash as Slurm would run it, with a stand-in transferlab that writes down its arguments: the id
     * reaches it exactly as the plan spells it, whatever characters an alias has, and its exit status is recorded.
     */
    @Test
    void theArrayIndexSelectsItsTaskAndTheIdReachesTransferlabIntact() throws Exception {
        ArrayJob evaluate = study.plan(1001).arrays().get(3);
        Path arguments = folder.resolve("arguments");
        Path fake = fakeTransferlab("printf '%s\\n' \"$@\" > " + arguments + "\nexit 3\n");
        Path script = write(evaluate, fake, false);

        Process job = job(script, 3);
        assertTrue(job.waitFor(60, TimeUnit.SECONDS));

        assertEquals(3, job.exitValue());
        String id = "evaluate/m0.v_2-b@d.1_x-y>a-n16-none/m0.v_2-b@d.1_x-y/study-attack";
        assertEquals(id, evaluate.tasks().get(3).id());
        assertEquals(List.of("task", "run", id, folder.resolve("cluster.yaml").toString(), "--output", "/lab/runs",
                "--data-root", "/lab/data", "--threads", "2", "--lock-wait", "600"), Files.readAllLines(arguments));
        assertEquals("3", Files.readString(folder.resolve("exits/04-evaluate_3")).strip());
    }

    @Test
    void slurmsWarningSignalReachesTransferlabThroughTheBatchShell() throws Exception {
        Path fake = fakeTransferlab("trap 'echo usr1 >> " + folder.resolve("signals") + "; exit 138' USR1\n"
                + "touch " + folder.resolve("started") + "\nwhile :; do sleep 0.1; done\n");
        Process job = job(write(study.plan(1001).arrays().get(0), fake, true), 0);
        awaitFile(folder.resolve("started"));

        new ProcessBuilder("kill", "-USR1", Long.toString(job.pid())).start().waitFor();
        assertTrue(job.waitFor(60, TimeUnit.SECONDS));

        assertEquals(138, job.exitValue());
        assertEquals(List.of("usr1"), Files.readAllLines(folder.resolve("signals")));
        assertEquals("138", Files.readString(folder.resolve("exits/01-pretrain_0")).strip());
    }

    /** scancel and a time limit send SIGTERM to every process of the job: transferlab must get it once, not twice. */
    @Test
    void aCancellationsSigtermReachesTransferlabOnceAndItsStatusIsRecorded() throws Exception {
        Path fake = fakeTransferlab("trap 'echo term >> " + folder.resolve("signals") + "; sleep 0.5; exit 143' TERM\n"
                + "echo $$ > " + folder.resolve("started") + "\nwhile :; do sleep 0.1; done\n");
        Process job = job(write(study.plan(1001).arrays().get(0), fake, false), 1);
        awaitFile(folder.resolve("started"));
        String transferlab = Files.readString(folder.resolve("started")).strip();

        new ProcessBuilder("kill", "-TERM", Long.toString(job.pid()), transferlab).start().waitFor();
        assertTrue(job.waitFor(60, TimeUnit.SECONDS));

        assertEquals(143, job.exitValue());
        assertEquals(List.of("term"), Files.readAllLines(folder.resolve("signals")));
        assertEquals("143", Files.readString(folder.resolve("exits/01-pretrain_1")).strip());
    }

    private Path fakeTransferlab(String body) throws IOException {
        Path fake = folder.resolve("transferlab");
        Files.writeString(fake, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private Path write(ArrayJob array, Path transferlab, boolean force) throws IOException {
        Files.createDirectories(folder.resolve("exits"));
        Files.writeString(folder.resolve(array.tasksFile()),
                String.join("", array.tasks().stream().map(Task::id).map(id -> id + "\n").toList()));
        Path script = folder.resolve(array.script());
        Files.writeString(script, scripts(folder, List.of(transferlab.toString()), null, force).array(array));
        return script;
    }

    private static Process job(Path script, int index) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(index));
        builder.environment().put("SLURM_ARRAY_JOB_ID", "77");
        return builder.start();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " never appeared");
        Thread.sleep(200); // the traps are set right after the start
    }
}
