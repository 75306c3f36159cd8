package org.transferlab.kernel.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ConfigLocator;
import org.transferlab.kernel.config.FakePlugins;

/** What planning refuses: two declarations of one task id, and plans too large to expand. */
class PlanConflictTest {

    private static String study(String datasets, String pretrain, String rest) {
        return """
                experiment: conflicts
                seed: 5
                datasets:
                %s
                models:
                  alexnet: { plugin: alexnet }
                  baseline-alexnet: { plugin: alexnet }
                recipes:
                  r: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.01 }
                pretrain:
                %s
                %s
                metrics: [accuracy]
                """.formatted(datasets.indent(2).stripTrailing(), pretrain.indent(2).stripTrailing(), rest);
    }

    private static final String ATTACK = """
            attack:
              data: { dataset: mnist, samples: 50 }
              methods:
                - { plugin: fgsm, eps: 0.1 }
            """;

    private static TaskGraph plan(String yaml) throws Exception {
        return new Planner(ConfigLoader.load(yaml, "study.yaml", FakePlugins.catalog()).config(),
                FakePlugins.catalog()).plan();
    }

    private static List<ConfigLocator.Problem> problems(String yaml) {
        return assertThrows(PlanException.class, () -> plan(yaml)).problems();
    }

    @Test
    void anAliasThatEndsLikeASubsetCollidesWithTheSubsetAndBothPlacesAreNamed() {
        String yaml = study("mnist: { plugin: mnist }\nmnist-n100: { plugin: mnist }",
                "- { models: [alexnet], datasets: [mnist], subset: 100, recipe: r }\n"
                        + "- { models: [alexnet], datasets: [mnist-n100], recipe: r }", ATTACK);
        List<ConfigLocator.Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(List.of("pretrain", 1), problems.get(0).path());
        String message = problems.get(0).message();
        assertTrue(message.contains("pretrain/alexnet@mnist-n100") && message.contains("pretrain[0]")
                && message.contains("different task"), message);
    }

    @Test
    void theSameTaskDeclaredTwiceIsReportedNotSilentlyMerged() {
        String yaml = study("mnist: { plugin: mnist }",
                "- { models: [alexnet], datasets: [mnist], recipe: r }\n"
                        + "- { models: [alexnet], datasets: [mnist], recipe: r }", ATTACK);
        List<ConfigLocator.Problem> problems = problems(yaml);
        assertEquals(List.of("pretrain", 1), problems.get(0).path());
        assertTrue(problems.get(0).message().contains("again"), problems.get(0).message());
    }

    @Test
    void twoEqualValuesInAnAttackListAreOneSettingDeclaredTwice() {
        String yaml = study("mnist: { plugin: mnist }", "- { models: [alexnet], datasets: [mnist], recipe: r }", """
                attack:
                  data: { dataset: mnist, samples: 50 }
                  methods:
                    - { plugin: fgsm, eps: [0.1, 0.10] }
                """);
        List<ConfigLocator.Problem> problems = problems(yaml);
        assertEquals(List.of("attack", "methods", 0), problems.get(0).path());
        assertTrue(problems.get(0).message().contains("attack/alexnet@mnist/fgsm-eps0.1 again"),
                problems.get(0).message());
    }

    @Test
    void aPretrainedModelWhoseAliasStartsWithBaselineGetsItsOwnFolder() throws Exception {
        String yaml = study("mnist: { plugin: mnist }",
                "- { models: [baseline-alexnet], datasets: [mnist], subset: 100, recipe: r }",
                "baselines:\n  - { models: [alexnet], dataset: mnist, subset: [100], recipe: r }\n" + ATTACK);
        TaskGraph graph = plan(yaml);
        Task pretrained = graph.task("pretrain/baseline-alexnet@mnist-n100").orElseThrow();
        Task baseline = graph.task("baseline/alexnet@mnist-n100").orElseThrow();
        assertEquals("models/pretrain~baseline-alexnet@mnist-n100", pretrained.directory());
        assertEquals("models/baseline~alexnet@mnist-n100", baseline.directory());
        assertNotEquals(pretrained.directory(), baseline.directory());
    }

    @Test
    void everyTaskOfAPlanHasItsOwnFolder() throws Exception {
        String yaml = study("mnist: { plugin: mnist }\nletters: { plugin: letters }",
                "- { models: [alexnet, baseline-alexnet], datasets: [mnist, letters], recipe: r }",
                "finetune:\n  - { from: { datasets: [letters] }, dataset: mnist, subset: [100, 200], recipe: r }\n"
                        + "baselines:\n  - { models: [alexnet], dataset: mnist, subset: [100], recipe: r }\n" + ATTACK);
        List<Task> tasks = plan(yaml).tasks();
        assertEquals(tasks.size(), tasks.stream().map(Task::directory).distinct().count());
        assertTrue(tasks.stream().map(Task::directory).allMatch(d -> d.split("/").length == 2), "one level per area");
    }

    @Test
    void aMillionRepeatsAreRefusedAtOnceWithWhatMultiplies() {
        String yaml = study("mnist: { plugin: mnist }", "- { models: [alexnet], datasets: [mnist], recipe: r }",
                ATTACK).replace("seed: 5\n", "seed: 5\nrepeats: 1000000\n");
        List<ConfigLocator.Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> problems(yaml));
        assertEquals(List.of("repeats"), problems.get(0).path());
        String message = problems.get(0).message();
        assertTrue(message.contains("2,000,000 tasks") && message.contains("limit of 50,000")
                && message.contains("1,000,000 repeats") && message.contains("max_tasks"), message);
    }

    @Test
    void aThousandSubsetSizesTimesFiftyAttacksAreRefusedUnlessTheFileRaisesTheLimit() throws Exception {
        String subsets = IntStream.rangeClosed(1, 1000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        String eps = IntStream.rangeClosed(1, 25).mapToObj(i -> String.format("0.%02d", i)).collect(Collectors.joining(", "));
        String yaml = study("mnist: { plugin: mnist }\nletters: { plugin: letters }",
                "- { models: [alexnet], datasets: [mnist, letters], recipe: r }",
                "finetune:\n  - { from: { datasets: [letters] }, dataset: mnist, subset: [" + subsets + "], recipe: r }\n"
                        + ATTACK.replace("eps: 0.1", "eps: [" + eps + "]"));
        List<ConfigLocator.Problem> problems = problems(yaml);
        assertEquals(List.of(), problems.get(0).path());
        assertTrue(problems.get(0).message().contains("1,000 fine-tunes")
                && problems.get(0).message().contains("50 attacks (sources × 25 attack settings)"),
                problems.get(0).message());

        List<ConfigLocator.Problem> lowered = problems(yaml.replace("seed: 5\n", "seed: 5\nmax_tasks: 10\n"));
        assertEquals(List.of("max_tasks"), lowered.get(0).path());

        assertEquals(2 + 1000 + 50 + 50_000, plan(yaml.replace("seed: 5\n", "seed: 5\nmax_tasks: 60000\n")).size());
    }
}
