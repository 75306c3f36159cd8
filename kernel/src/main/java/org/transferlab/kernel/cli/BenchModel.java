package org.transferlab.kernel.cli;

import java.util.List;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.ConfigException;
import org.transferlab.kernel.config.Precision;
import org.transferlab.kernel.engine.RuntimeOptions;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The model a benchmark measures (a 10-class model plugin with options) and where TensorFlow runs it. */
final class BenchModel {

    @Option(names = "--model", required = true, paramLabel = "NAME", description = "Model plugin, e.g. alexnet.")
    String model;

    @Parameters(paramLabel = "KEY=VALUE", description = "Model options (e.g. depth=2).")
    List<String> options = List.of();

    @Option(names = "--threads", defaultValue = "0",
            description = "TensorFlow threads (0: TensorFlow's choice; default: ${DEFAULT-VALUE}). TensorFlow sizes its "
                    + "CPU thread pools once per process, so compare thread settings in separate runs.")
    int threads;

    @Option(names = "--inter-op-threads", paramLabel = "N",
            description = "TensorFlow's inter-op threads, which run independent ops at once (0: TensorFlow's choice; "
                    + "default: as many as --threads).")
    Integer interOpThreads;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    /** A freshly described architecture: benchmark speed does not depend on training. */
    Architecture architecture(PluginRegistry registry) throws ConfigException {
        return ModelSpec.bind(model, KeyValues.parse(options), 10, "command line", registry).create(registry);
    }

    RuntimeOptions runtime(Precision precision, boolean xla) {
        try {
            return new RuntimeOptions(device, threads, interOpThreads == null ? threads : interOpThreads, precision,
                    xla);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /** {@code alexnet} or {@code mlp-mixer depth=2}, for headers. */
    String label() {
        return model + (options.isEmpty() ? "" : " " + String.join(" ", options));
    }
}
