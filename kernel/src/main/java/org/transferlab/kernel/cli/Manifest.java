package org.transferlab.kernel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.tensorflow.TensorFlow;
import org.transferlab.kernel.engine.TensorFlowRuntime;
import org.transferlab.kernel.plan.AttackTask;
import org.transferlab.kernel.plan.Task;
import org.transferlab.kernel.plan.TrainTask;
import org.transferlab.api.ApiVersion;
import org.transferlab.kernel.exec.ArtefactDirectory;
import org.transferlab.kernel.exec.RunOptions;
import org.transferlab.kernel.plan.TaskGraph;
import org.transferlab.kernel.plugin.LoadedPlugin;

/**
 * {@code manifest.json}: what produced a run directory and when — the file and its hash, seeds, plugins, TensorFlow and
 * device.
 */
final class Manifest {

    /** The configuration as bound: options typed, list values expanded into variants; keys in a stable order. */
    private static final ObjectMapper RESOLVED = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private Manifest() {
    }

    /** @param executor  how the tasks are run: {@code local}, {@code jobs} or {@code slurm} */
    static void write(ExperimentOptions.Loaded loaded, RunOptions options, TaskGraph graph, String executor)
            throws IOException {
        byte[] file = Files.readAllBytes(experimentFile(loaded));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", loaded.experiment().config().experiment());
        manifest.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        manifest.put("file", experimentFile(loaded).toAbsolutePath().normalize().toString());
        manifest.put("fileSha256", sha256(file));
        byte[] resolved = RESOLVED.writeValueAsBytes(loaded.experiment().config());
        manifest.put("resolvedConfigSha256", sha256(resolved));
        manifest.put("seed", loaded.experiment().config().seed());
        manifest.put("repeats", loaded.experiment().config().repeatsOrDefault());
        manifest.put("transferlab", VersionProvider.kernelVersion());
        manifest.put("pluginApi", ApiVersion.CURRENT.toString());
        manifest.put("tensorflow", TensorFlow.version());
        manifest.put("device", options.runtime().device());
        manifest.put("devicesSeen", TensorFlowRuntime.devices(options.runtime()).stream()
                .map(device -> device.type() + " " + device.name()).toList());
        manifest.put("threads", options.runtime().threads());
        manifest.put("executor", executor);
        manifest.put("precision", options.runtime().precision());
        List<Map<String, String>> plugins = loaded.plugins().plugins().stream()
                .map(Manifest::describe).toList();
        manifest.put("plugins", plugins);
        manifest.put("tasks", graph.tasks().stream().map(Manifest::describe).toList());
        manifest.put("config", new String(file, java.nio.charset.StandardCharsets.UTF_8));
        manifest.put("resolvedConfig", RESOLVED.readTree(resolved));
        ArtefactDirectory.writeJson(options.runDirectory().resolve("manifest.json"), manifest);
    }

    private static java.nio.file.Path experimentFile(ExperimentOptions.Loaded loaded) {
        return loaded.experiment().file();
    }

    /**
     * A task's id, kind, cache key, directory and dependencies (what {@code status RUN_DIR} needs to tell its state)
     * and, for the tasks that draw random numbers, the seed derived for it.
     */
    private static Map<String, Object> describe(Task task) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", task.id());
        entry.put("kind", task.kind().label());
        entry.put("cacheKey", task.cacheKey());
        entry.put("directory", task.directory());
        entry.put("dependencies", task.dependencies());
        if (task instanceof TrainTask train) {
            entry.put("seed", train.seed());
        } else if (task instanceof AttackTask attack) {
            entry.put("seed", attack.seed());
        }
        return entry;
    }

    private static Map<String, String> describe(LoadedPlugin plugin) {
        return Map.of("kind", plugin.kind().label(), "name", plugin.name(), "version", plugin.version(), "source", plugin.source());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
