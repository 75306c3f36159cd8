package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.transferlab.kernel.config.TestExperiments.BASE;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSectionTest {

    @Test
    void aClusterSectionBindsEveryKey() throws ConfigException {
        ClusterConfig cluster = TestExperiments.config(BASE + """
                cluster:
                  partition: gpu
                  account: lab-1
                  time: { pretrain: "4:00:00", finish: 30 }
                  cpus_per_task: 8
                  memory: 16G
                  gpus: 1
                  sbatch_options: [--qos=high, --constraint=avx2]
                  prologue: |
                    module load java/17
                """).cluster();

        assertEquals(new ClusterConfig("gpu", "lab-1", new ClusterConfig.TimeLimits("4:00:00", null, null, null, null,
                null, "30"), 8, "16G", "1", List.of("--qos=high", "--constraint=avx2"), "module load java/17\n"), cluster);
    }

    @Test
    void everyMistakeInTheClusterSectionIsReportedWithItsPosition() {
        assertEquals(List.of(
                "exp.yaml:19:14: cluster.partition: must be 1-64 characters of letters, digits, '_', '.', ',' or '-'",
                "exp.yaml:20:21: cluster.time.pretrain: must be a Slurm time limit such as 90 (minutes), 2:00:00 or 1-12:00:00",
                "exp.yaml:20:25: cluster.time.train: unknown key 'train'; known keys: pretrain, finetune, baseline, "
                        + "attack, evaluate, compare, finish",
                "exp.yaml:21:18: cluster.cpus_per_task: must be greater than or equal to 1",
                "exp.yaml:22:11: cluster.memory: must be a size such as 4000, 8G or 512M",
                "exp.yaml:23:9: cluster.gpus: must be a count of GPUs such as 1, or a type and a count such as a100:2",
                "exp.yaml:24:20: cluster.sbatch_options[0]: --time is set per task kind by cluster.time",
                "exp.yaml:24:33: cluster.sbatch_options[1]: --array is set by transferlab for every job; leave it out "
                        + "of cluster.sbatch_options",
                "exp.yaml:24:48: cluster.sbatch_options[2]: must be one sbatch option such as --qos=normal",
                "exp.yaml:25:3: cluster.prolog: unknown key 'prolog'; did you mean 'prologue'?"), errors(BASE + """
                cluster:
                  partition: "gpu partition"
                  time: { pretrain: 2h, train: "1:00" }
                  cpus_per_task: 0
                  memory: lots
                  gpus: 0
                  sbatch_options: [--time=1:00, "--array=0-3", -p gpu]
                  prolog: module load java
                """));
    }

    @Test
    void gpusNeedADeviceThatCanUseThem() {
        assertEquals(List.of("exp.yaml:20:9: cluster.gpus: GPUs are asked for, but runtime.device is cpu; set "
                + "runtime.device to auto or gpu, or leave cluster.gpus out"), errors(BASE + """
                runtime: { device: cpu }
                cluster:
                  gpus: 2
                """));
    }
}
