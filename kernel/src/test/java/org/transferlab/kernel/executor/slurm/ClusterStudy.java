package org.transferlab.kernel.executor.slurm;

import java.nio.file.Path;
import java.util.List;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.executor.StudyInvocation;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plugin.PluginRegistry;

/**
 * A study of the kernel's test plugins with a {@code cluster:} section: two pre-trained models, each fine-tuned once
 * and attacking once, and four evaluations. Its aliases use every character an alias may have.
 */
final class ClusterStudy {

    static final PluginRegistry PLUGINS = PluginRegistry.fromClassPath(ClusterStudy.class.getClassLoader());

    static final String CLUSTER = """
            cluster:
              partition: short
              account: lab.a_1
              time: { pretrain: "2:00:00", finetune: "1:00:00", attack: "30", evaluate: "10", finish: "0-0:15" }
              cpus_per_task: 2
              memory: 6G
              sbatch_options: [--qos=normal]
              prologue: module load java/17
            """;

    static String yaml(String device, String cluster) {
        return """
                experiment: cluster-study
                seed: 5
                runtime: { device: %s, threads: 2 }
                datasets:
                  a: { plugin: study-bands }
                  d.1_x-y: { plugin: study-bands }
                models:
                  m0.v_2-b: { plugin: study-linear }
                recipes:
                  quick: { epochs: 1, batch_size: 8, optimizer: sgd, learning_rate: 0.1 }
                pretrain:
                  - { models: [m0.v_2-b], datasets: [a, d.1_x-y], recipe: quick }
                finetune:
                  - { from: { models: [m0.v_2-b] }, dataset: a, subset: [16], recipe: quick }
                attack:
                  data: { dataset: a, samples: 8 }
                  methods: [{ plugin: study-attack }]
                metrics: [study-metric]
                %s""".formatted(device, cluster);
    }

    final ExperimentConfig config;
    final TaskGraph graph;

    ClusterStudy(String device, String cluster) {
        try {
            config = ConfigLoader.load(yaml(device, cluster), "cluster.yaml", PLUGINS).config();
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        graph = new Planner(config, PLUGINS).plan();
    }

    ClusterStudy() {
        this("cpu", CLUSTER);
    }

    List<Task> tasks() {
        return graph.tasks();
    }

    SubmissionPlan plan(int maxArraySize) {
        return SubmissionPlan.of(tasks(), config.clusterOrDefault(), Resources.cpus(config.clusterOrDefault(), 2), maxArraySize);
    }

    static StudyInvocation invocation(Path file) {
        return new StudyInvocation(file, null, Path.of("/lab/runs"), Path.of("/lab/data"), null);
    }
}
