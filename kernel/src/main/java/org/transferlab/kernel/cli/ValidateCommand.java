package org.transferlab.kernel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks an experiment file and reports every problem at once; exit status 2 when there are any.")
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    ExperimentOptions experiment;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        experiment.load();
        spec.commandLine().getOut().println(experiment.file + ": valid");
        return ExitCodes.OK;
    }
}
