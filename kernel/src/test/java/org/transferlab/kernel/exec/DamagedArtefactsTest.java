package org.transferlab.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.api.data.TransferProgress;
import org.transferlab.kernel.config.ConfigLoader;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.engine.Cancellation;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.engine.TrainingListener;
import org.transferlab.kernel.plan.Planner;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plugin.PluginRegistry;

/** A stored file damaged in place is detected by its checksum; its task and everything made from it run again. */
class DamagedArtefactsTest {

    private static final PluginRegistry PLUGINS = PluginRegistry.fromClassPath(DamagedArtefactsTest.class.getClassLoader());

    @TempDir
    Path runDirectory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ExperimentConfig config;
    private final TaskGraph graph;
    private final Task parent;
    private final Task child;

    DamagedArtefactsTest() throws Exception {
        config = ConfigLoader.load(StudyPlugins.STUDY.replace("attack:\n", "finetune:\n  - { from: { models: [linear], "
                + "datasets: [a] }, dataset: b, subset: [16], recipe: quick }\nattack:\n"), "study.yaml", PLUGINS).config();
        graph = new Planner(config, PLUGINS).plan();
        parent = graph.task("pretrain/linear@a").orElseThrow();
        child = graph.task("finetune/linear@a>b-n16-none").orElseThrow();
    }

    private Runner runner() {
        RunOptions options = new RunOptions(runDirectory, runDirectory.resolve("data"), false, RuntimeOptions.cpu(1), false);
        return new Runner(config, PLUGINS, graph, options, new PrintStream(printed, true), id -> TrainingListener.NONE,
                TransferProgress.NONE, new Cancellation());
    }

    /** Three ways a file goes bad without anyone renaming it. */
    enum Damage {
        TRUNCATED {
            @Override
            void apply(Path file) throws Exception {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.setLength(raf.length() / 2);
                }
            }
        },
        OVERWRITTEN_WITH_THE_SAME_SIZE {
            @Override
            void apply(Path file) throws Exception {
                byte[] bytes = Files.readAllBytes(file);
                Arrays.fill(bytes, bytes.length / 2, bytes.length, (byte) 0x3f);
                Files.write(file, bytes);
            }
        },
        ONE_BIT_FLIPPED {
            @Override
            void apply(Path file) throws Exception {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                    raf.seek(raf.length() - 5);
                    int value = raf.read();
                    raf.seek(raf.length() - 5);
                    raf.write(value ^ 0x10);
                }
            }
        };

        abstract void apply(Path file) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aDamagedWeightsFileMakesItsTaskAndItsDependentsRunAgainToTheSameBytes(Damage damage) throws Exception {
        runner().run(task -> task == parent || task == child);
        Path weights = runDirectory.resolve(parent.directory()).resolve("weights.npz");
        byte[] parentWeights = Files.readAllBytes(weights);
        byte[] childWeights = Files.readAllBytes(runDirectory.resolve(child.directory()).resolve("weights.npz"));

        damage.apply(weights);

        assertFalse(Runner.isCached(parent, runDirectory));
        assertTrue(Runner.isCached(child, runDirectory), "what was made from the intact file is still intact");
        assertEquals(Set.of(parent.id(), child.id()), Runner.toRun(List.of(parent, child), false, runDirectory));
        printed.reset();
        List<String> executed = runner().run(task -> task == parent || task == child);

        assertEquals(List.of(parent.id(), child.id()), executed);
        String output = printed.toString();
        assertTrue(output.contains("[1/2] pretrain/linear@a: its stored artefacts are damaged: " + weights), output);
        assertTrue(output.contains("running it again, and every task that used them"), output);
        assertArrayEquals(parentWeights, Files.readAllBytes(weights));
        assertArrayEquals(childWeights, Files.readAllBytes(runDirectory.resolve(child.directory()).resolve("weights.npz")));
        assertTrue(Runner.isCached(parent, runDirectory) && Runner.isCached(child, runDirectory));
    }

    @Test
    void everyFileOfACommittedDirectoryHasItsChecksumInDoneJson() throws Exception {
        runner().runTask(parent);
        Path directory = runDirectory.resolve(parent.directory());
        ArtefactDirectory.Committed committed = ArtefactDirectory.committed(directory).orElseThrow();
        try (var files = Files.list(directory)) {
            assertEquals(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("done.json"))
                    .sorted().toList(), List.copyOf(committed.files().keySet()));
        }
        Path weights = directory.resolve("weights.npz");
        assertEquals(org.transferlab.kernel.io.FileDigests.sha256(weights), committed.files().get("weights.npz").sha256());
        assertEquals(Files.size(weights), committed.files().get("weights.npz").bytes());
    }

    @Test
    void theChecksumIsSha256OfTheFileBytes() throws Exception {
        Path file = Files.writeString(runDirectory.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", org.transferlab.kernel.io.FileDigests.sha256(file));
    }

    @Test
    void aMissingFileIsDamageNamingIt() throws Exception {
        runner().runTask(parent);
        Path weights = runDirectory.resolve(parent.directory()).resolve("weights.npz");
        Files.delete(weights);
        assertEquals(weights + " is missing", Runner.damage(parent, runDirectory).orElseThrow());
    }
}
