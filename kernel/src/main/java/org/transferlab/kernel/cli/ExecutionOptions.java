package org.transferlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.HomePath;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.exec.RunOptions;
import picocli.CommandLine.Option;

/** Where tasks write and read, and the device they run on: the options {@code run} and {@code task run} share. */
final class ExecutionOptions {

    @Option(names = "--output", paramLabel = "DIR", description = "Output folder (default: the file's output setting).")
    Path output;

    @Option(names = "--data-root", paramLabel = "DIR", description = "Data root (default: the file's data.root).")
    Path dataRoot;

    @Option(names = "--device", paramLabel = "DEVICE", description = "auto, cpu, gpu or gpu:N (default: the file's runtime.device).")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads of this process (default: the "
            + "file's runtime.threads; 0 lets TensorFlow choose). Results are byte-identical for the same threads.")
    Integer threads;

    /** @throws BadInputException when {@code --device} is malformed or the data root is a file */
    RunOptions resolve(ExperimentConfig config, boolean force) {
        if (device != null && !device.matches("auto|cpu|gpu|gpu:[0-9]+")) {
            throw new BadInputException("--device must be auto, cpu, gpu or gpu:N, got '" + device + "'");
        }
        if (threads != null && threads < 0) {
            throw new BadInputException("--threads must be 0 (TensorFlow chooses) or positive, got " + threads);
        }
        RuntimeOptions fromFile = RuntimeOptions.from(config.runtimeOrDefault());
        RuntimeOptions runtime = device == null ? fromFile : fromFile.withDevice(device);
        if (threads != null) {
            runtime = runtime.withThreads(threads);
        }
        Path data = dataRoot(config);
        if (Files.exists(data) && !Files.isDirectory(data)) {
            throw new BadInputException("the data root " + data + (dataRoot != null ? " (--data-root)" : " (data.root)")
                    + " is a file, not a folder; give the folder that holds one sub-folder per dataset");
        }
        return new RunOptions(runDirectory(config, output), data, config.dataOrDefault().downloadOrDefault(), runtime,
                force);
    }

    Path dataRoot(ExperimentConfig config) {
        return dataRoot != null ? dataRoot : HomePath.expand(config.dataOrDefault().rootOrDefault());
    }

    /** These options as they were given, to repeat them in a command this one suggests. */
    List<String> asGiven() {
        List<String> given = new ArrayList<>();
        if (output != null) {
            given.addAll(List.of("--output", output.toString()));
        }
        if (dataRoot != null) {
            given.addAll(List.of("--data-root", dataRoot.toString()));
        }
        if (device != null) {
            given.addAll(List.of("--device", device));
        }
        if (threads != null) {
            given.addAll(List.of("--threads", threads.toString()));
        }
        return given;
    }

    static Path runDirectory(ExperimentConfig config, Path outputOverride) {
        Path base = outputOverride != null ? outputOverride : HomePath.expand(config.outputOrDefault());
        return base.resolve(config.experiment()).toAbsolutePath().normalize();
    }

}
