package org.transferlab.kernel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.transferlab.api.model.Architecture;
import org.transferlab.kernel.config.Freeze;
import org.transferlab.kernel.config.PluginEntries;
import org.transferlab.kernel.engine.Freezing;
import org.transferlab.kernel.model.ModelSpec;
import org.transferlab.kernel.model.ParameterTable;
import org.transferlab.kernel.plugin.PluginRegistry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Prints a model's parameter tensors in canonical order (the order freeze counts in): index, "
                + "name, shape, size and whether it is trained, then its state tensors.",
                "Example: transferlab models describe mlp-mixer depth=2 --freeze-first 6"})
final class DescribeModelCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "Model plugin name, e.g. alexnet, resnet, mlp-mixer.")
    String name;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
            description = "Plugin options, as in the experiment file (e.g. depth=2).")
    List<String> options = List.of();

    @Option(names = "--classes", paramLabel = "N", defaultValue = "10",
            description = "Number of classes of the head (default: ${DEFAULT-VALUE}).")
    int classes;

    @ArgGroup(exclusive = true)
    FreezeRule freeze;

    static final class FreezeRule {
        @Option(names = "--freeze-first", paramLabel = "N", description = "Mark the first N tensors frozen.")
        Integer first;

        @Option(names = "--freeze-last", paramLabel = "N", description = "Mark the last N tensors frozen.")
        Integer last;

        @Option(names = "--freeze-params", paramLabel = "GLOB", split = ",",
                description = "Mark the tensors whose names match these globs frozen.")
        List<String> params;
    }

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PluginRegistry registry = plugins.load();
        ModelSpec model = ModelSpec.bind(name, KeyValues.parse(options), classes, "command line", registry);
        Architecture architecture = model.create(registry);
        Freeze rule = freeze == null ? Freeze.NONE : new Freeze(freeze.first, freeze.last, freeze.params);
        Set<String> frozen;
        try {
            frozen = Freezing.frozenParameters(rule,
                    architecture.parameters().stream().map(parameter -> parameter.name()).toList());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder title = new StringBuilder(model.plugin());
        PluginEntries.entry(model.plugin(), model.options()).forEach((key, value) -> {
            if (!key.equals("plugin")) {
                title.append(' ').append(key).append('=').append(value);
            }
        });
        out.printf("%s, %d classes%n", title, classes);
        out.print(ParameterTable.of(architecture, frozen).format());
        out.flush();
        return ExitCodes.OK;
    }
}
