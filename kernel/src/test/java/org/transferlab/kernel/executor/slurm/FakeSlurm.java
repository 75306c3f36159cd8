package org.transferlab.kernel.executor.slurm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A Slurm that hands out job ids from 101 and remembers what it was asked; {@code failAt} makes one sbatch fail. */
final class FakeSlurm implements SlurmClient {

    final List<String> submitted = new ArrayList<>();
    final List<String> cancelled = new ArrayList<>();
    final List<QueuedJob> queue = new ArrayList<>();
    int maxArraySize = 1001;
    int failAt = -1;
    private int next = 101;

    @Override
    public int maxArraySize() {
        return maxArraySize;
    }

    @Override
    public String submit(List<String> options, Path script) {
        if (submitted.size() == failAt) {
            throw new SlurmException("sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified");
        }
        String id = Integer.toString(next++);
        submitted.add(id + " " + String.join(" ", options) + (options.isEmpty() ? "" : " ") + script.getFileName());
        return id;
    }

    @Override
    public List<QueuedJob> queued(Collection<String> jobIds) {
        return queue.stream().filter(job -> jobIds.contains(job.jobId())).toList();
    }

    @Override
    public void cancel(Collection<String> jobIds) {
        cancelled.addAll(jobIds);
    }
}
