package org.transferlab.kernel.executor.slurm;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** What transferlab asks of Slurm, through its standard client commands; no daemon of transferlab's own is involved. */
public interface SlurmClient {

    /**
     * A job, or one element of a job array, that is still in the queue.
     *
     * @param jobId  the job id, for an array the array's job id
     * @param index  the array index, or -1 for a job that is not an array
     * @param state  e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETING}
     * @param reason why it is pending, e.g. {@code Dependency}, {@code DependencyNeverSatisfied}, {@code Resources}
     */
    record QueuedJob(String jobId, int index, String state, String reason) {
    }

    /** {@code MaxArraySize} of {@code scontrol show config}: array indices go from 0 to one less. */
    int maxArraySize();

    /** {@code sbatch --parsable OPTIONS SCRIPT}: the new job's id. */
    String submit(List<String> options, Path script);

    /** {@code squeue}: the jobs of {@code jobIds} that are still queued or running, one entry per array element. */
    List<QueuedJob> queued(Collection<String> jobIds);

    /** {@code scancel JOB…}. */
    void cancel(Collection<String> jobIds);
}
