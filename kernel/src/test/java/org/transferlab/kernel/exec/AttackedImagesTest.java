package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.plugin.PluginRegistry;

/** Every repeat attacks the same images, unless the file asks each repeat to draw its own. */
class AttackedImagesTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.fromClassPath(AttackedImagesTest.class.getClassLoader());

    private static ExperimentConfig config(String dataEntry) throws Exception {
        return ConfigLoader.load(StudyPlugins.STUDY.replace("seed: 5\n", "seed: 5\nrepeats: 3\n")
                .replaceFirst("data: \\{ dataset: (\\w+)", "data: { dataset: $1" + dataEntry), "study.yaml", PLUGINS)
                .config();
    }

    @Test
    void fixedImagesAreTheSameInEveryRepeatAndPerRepeatImagesAreNot() throws Exception {
        ExperimentConfig fixed = config("");
        assertEquals(AttackExecutor.attackedImagesSeed(fixed, 1), AttackExecutor.attackedImagesSeed(fixed, 3));
        ExperimentConfig perRepeat = config(", images: per-repeat");
        assertNotEquals(AttackExecutor.attackedImagesSeed(perRepeat, 1), AttackExecutor.attackedImagesSeed(perRepeat, 2));
        assertEquals(AttackExecutor.attackedImagesSeed(perRepeat, 2), AttackExecutor.attackedImagesSeed(perRepeat, 2));
    }
}
