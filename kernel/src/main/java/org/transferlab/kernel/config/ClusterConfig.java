package org.transferlab.kernel.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * How {@code run --executor slurm} asks for resources ({@code cluster:} in the file). Every value is optional: what is
 * left out is the cluster's own default.
 *
 * @param partition    {@code --partition}
 * @param account      {@code --account}
 * @param time         {@code --time} per task kind
 * @param cpusPerTask  {@code --cpus-per-task}; default {@code runtime.threads}, or 1 when that is 0. A task's
 *                     TensorFlow uses as many threads as it is given CPUs
 * @param memory       {@code --mem} per task, e.g. {@code 8G}
 * @param gpus         {@code --gres=gpu:<gpus>} for the tasks that run networks (training, attacks, evaluations), e.g.
 *                     {@code 1} or {@code a100:2}
 * @param sbatchOptions further {@code sbatch} options, each one argument, e.g. {@code --qos=normal}
 * @param prologue     shell lines that every job runs first, e.g. {@code module load java/17}
 */
public record ClusterConfig(
        @Pattern(regexp = SLURM_NAME, message = SLURM_NAME_MESSAGE) String partition,
        @Pattern(regexp = SLURM_NAME, message = SLURM_NAME_MESSAGE) String account,
        @Valid TimeLimits time,
        @Min(1) Integer cpusPerTask,
        @Pattern(regexp = "[1-9][0-9]*[KMGT]?", message = "must be a size such as 4000, 8G or 512M") String memory,
        @Pattern(regexp = "([a-zA-Z0-9_.-]+:)?[1-9][0-9]*", message = "must be a count of GPUs such as 1, or a type "
                + "and a count such as a100:2") String gpus,
        List<@NotNull @Pattern(regexp = "--[a-z][a-z0-9-]*(=.*)?", message = "must be one sbatch option such as "
                + "--qos=normal") String> sbatchOptions,
        String prologue) {

    static final String SLURM_NAME = "[A-Za-z0-9_.,-]{1,64}";
    static final String SLURM_NAME_MESSAGE = "must be 1-64 characters of letters, digits, '_', '.', ',' or '-'";

    /** Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
    static final String SLURM_TIME = "UNLIMITED|INFINITE|[0-9]+(:[0-5]?[0-9]){0,2}|[0-9]+-[0-9]{1,2}(:[0-5]?[0-9]){0,2}";
    static final String SLURM_TIME_MESSAGE = "must be a Slurm time limit such as 90 (minutes), 2:00:00 or 1-12:00:00";

    /**
     * The time limit of a job per kind of task it runs; {@code finish} is the final job that writes the results and
     * the report.
     */
    public record TimeLimits(
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String pretrain,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String finetune,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String baseline,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String attack,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String evaluate,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String compare,
            @Pattern(regexp = SLURM_TIME, message = SLURM_TIME_MESSAGE) String finish) {
    }

    public static final ClusterConfig DEFAULT = new ClusterConfig(null, null, null, null, null, null, null, null);

    public List<String> sbatchOptionsOrEmpty() {
        return sbatchOptions == null ? List.of() : sbatchOptions;
    }

    public TimeLimits timeOrDefault() {
        return time == null ? new TimeLimits(null, null, null, null, null, null, null) : time;
    }
}
