package org.transferlab.kernel.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.transferlab.kernel.config.TestExperiments.baseWith;
import static org.transferlab.kernel.config.TestExperiments.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.TaskKind;
import org.transferlab.kernel.plan.TrainTask;

/** A recipe trains for epochs or for a fixed number of steps; subsets of one dataset may be nested. */
class StudyDesignOptionsTest {

    private static final String RECIPE = "train: { epochs: 1, batch_size: 8, optimizer: adam, learning_rate: 0.1 }";

    @Test
    void aRecipeGivesEpochsOrStepsButNotBoth() throws Exception {
        Recipe steps = TestExperiments.config(baseWith(RECIPE, RECIPE.replace("epochs: 1", "steps: 500")))
                .recipes().get("train");
        assertEquals(500, steps.steps());
        assertEquals(2, steps.epochsFor(300), "500 steps of 300 a pass take two passes");
        assertEquals(500, steps.totalSteps(300));

        assertEquals(List.of("exp.yaml:9:10: recipes.train: give epochs (passes over the training set) or steps "
                        + "(optimizer steps), not both"),
                errors(baseWith(RECIPE, RECIPE.replace("epochs: 1", "epochs: 1, steps: 500"))));
    }

    @Test
    void nestedSubsetsShareOneSeedPerDatasetAndRepeatWhileIndependentOnesHaveOneEach() throws Exception {
        String twoSizes = TestExperiments.BASE.replace("subset: [100]", "subset: [100, 200]");
        List<TrainTask> independent = finetunes(twoSizes);
        List<TrainTask> nested = finetunes(twoSizes.replace("seed: 1\n", "seed: 1\nsubsets: nested\n"));

        assertNotEquals(independent.get(0).subsetSeed(), independent.get(1).subsetSeed());
        assertEquals(nested.get(0).subsetSeed(), nested.get(1).subsetSeed());
        assertEquals(List.of(true, true), nested.stream().map(TrainTask::nestedSubset).toList());
        assertNotEquals(independent.get(0).cacheKey(), nested.get(0).cacheKey(), "nesting changes what is trained");
    }

    private static List<TrainTask> finetunes(String yaml) throws Exception {
        ExperimentConfig config = TestExperiments.config(yaml);
        return new Planner(config, FakePlugins.catalog()).plan().tasks(TrainTask.class).stream()
                .filter(task -> task.kind() == TaskKind.FINETUNE).toList();
    }

    @Test
    void aModelEntrysWeightsMustNameAFileAndCannotBeABaseline(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        assertEquals(List.of("exp.yaml:7:40: models.alexnet.weights: " + folder.resolve("absent.npz") + " does not exist "
                + "or is not a file; give a PyTorch state_dict saved with numpy.savez (see "
                + "examples/pytorch/study_models.py)"), errors(baseWith("alexnet: { plugin: alexnet }",
                "alexnet: { plugin: alexnet, weights: " + folder.resolve("absent.npz") + " }")));

        java.nio.file.Path file = java.nio.file.Files.writeString(folder.resolve("trained.npz"), "state");
        String imported = baseWith("alexnet: { plugin: alexnet }", "alexnet: { plugin: alexnet, weights: " + file + " }");
        assertEquals(file.toString(), TestExperiments.config(imported).models().get("alexnet").weights());
        assertEquals(List.of("exp.yaml:19:15: baselines[0].models: model 'alexnet' is pre-trained already (weights: "
                + file + "); a baseline trains from scratch"), errors(imported
                + "baselines:\n  - { models: [alexnet], dataset: mnist, subset: [100], recipe: train }\n"));
    }
}
