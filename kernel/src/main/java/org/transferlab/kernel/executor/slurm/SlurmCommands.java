package org.transferlab.kernel.executor.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link SlurmClient} through {@code sbatch}, {@code squeue}, {@code scontrol} and {@code scancel} on the PATH. */
public final class SlurmCommands implements SlurmClient {

    private static final Pattern MAX_ARRAY_SIZE = Pattern.compile("(?m)^MaxArraySize\\s*=\\s*(\\d+)");
    private static final long TIMEOUT_SECONDS = 120;

    @Override
    public int maxArraySize() {
        String config = run(List.of("scontrol", "show", "config"));
        Matcher matcher = MAX_ARRAY_SIZE.matcher(config);
        if (!matcher.find()) {
            throw new SlurmException("scontrol show config printed no MaxArraySize");
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public String submit(List<String> options, Path script) {
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
        command.addAll(options);
        command.add(script.toString());
        String printed = run(command).trim();
        String id = printed.contains(";") ? printed.substring(0, printed.indexOf(';')) : printed;
        if (!id.matches("[0-9]+")) {
            throw new SlurmException(String.join(" ", command) + " printed no job id: " + printed);
        }
        return id;
    }

    @Override
    public List<QueuedJob> queued(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return List.of();
        }
        // Only the submission's jobs, not the whole cluster's queue. squeue fails as a whole only when none of the ids
        // is known any more (all ended longer than MinJobAge ago): then none is queued.
        String printed;
        try {
            printed = run(List.of("squeue", "--noheader", "--array", "--states=all", "--jobs=" + String.join(",", jobIds),
                    "--format=%F|%K|%T|%r"));
        } catch (SlurmException e) {
            if (e.getMessage().contains("Invalid job id specified")) {
                return List.of();
            }
            throw e;
        }
        List<QueuedJob> queued = new ArrayList<>();
        for (String line : printed.split("\n")) {
            String[] fields = line.trim().split("\\|", 4);
            if (fields.length < 4 || !jobIds.contains(fields[0])) {
                continue;
            }
            int index = fields[1].matches("[0-9]+") ? Integer.parseInt(fields[1]) : -1;
            queued.add(new QueuedJob(fields[0], index, fields[2], fields[3]));
        }
        return queued;
    }

    @Override
    public void cancel(Collection<String> jobIds) {
        if (jobIds.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("scancel"));
        command.addAll(jobIds);
        run(command);
    }

    private static String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new SlurmException("cannot run " + command.get(0) + " (" + e.getMessage() + "); --executor slurm needs "
                    + "Slurm's client commands (sbatch, squeue, scontrol, scancel) on the PATH");
        }
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SlurmException(String.join(" ", command) + " did not answer within " + TIMEOUT_SECONDS + " s");
            }
            String printed = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new SlurmException(String.join(" ", command) + " failed with status " + process.exitValue()
                        + ": " + printed.strip());
            }
            return printed;
        } catch (IOException e) {
            throw new SlurmException(String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new SlurmException(String.join(" ", command) + " was interrupted");
        }
    }
}
