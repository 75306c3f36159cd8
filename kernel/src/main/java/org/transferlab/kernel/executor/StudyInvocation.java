package org.transferlab.kernel.executor;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What another process needs to be told to work on the same study as this one: the experiment file and every option
 * that changes where it reads and writes, all as absolute paths, so that neither its working directory nor its machine's
 * defaults can make it plan a different study.
 *
 * @param file     the experiment file
 * @param plugins  the plugin folder given with {@code --plugins}, or null for the distribution's own
 * @param output   the output folder: the run directory is {@code <output>/<experiment>}
 * @param dataRoot the data root
 * @param device   the device given with {@code --device}, or null for the file's
 */
public record StudyInvocation(Path file, Path plugins, Path output, Path dataRoot, String device) {

    public StudyInvocation {
        file = requireNonNull(file, "file is null").toAbsolutePath().normalize();
        plugins = plugins == null ? null : plugins.toAbsolutePath().normalize();
        output = requireNonNull(output, "output is null").toAbsolutePath().normalize();
        dataRoot = requireNonNull(dataRoot, "dataRoot is null").toAbsolutePath().normalize();
    }

    /** The same study read from another copy of the experiment file. */
    public StudyInvocation withFile(Path other) {
        return new StudyInvocation(other, plugins, output, dataRoot, device);
    }

    /** The file, then the options: {@code FILE --output DIR --data-root DIR [--device D] [--plugins DIR]}. */
    public List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of(file.toString(), "--output", output.toString(),
                "--data-root", dataRoot.toString()));
        if (device != null) {
            arguments.addAll(List.of("--device", device));
        }
        if (plugins != null) {
            arguments.addAll(List.of("--plugins", plugins.toString()));
        }
        return arguments;
    }
}
