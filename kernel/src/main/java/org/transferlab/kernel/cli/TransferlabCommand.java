package org.transferlab.kernel.cli;

import picocli.CommandLine.Command;

@Command(
        name = "transferlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Runs pretrain -> fine-tune -> attack studies of adversarial transfer, declared in experiments.yaml.",
        subcommands = {RunCommand.class, ValidateCommand.class, PlanCommand.class, StatusCommand.class, TaskCommand.class, PluginsCommand.class, ModelsCommand.class,
                DataCommand.class, ExportCommand.class, ReportCommand.class, DoctorCommand.class, BenchCommand.class,
                picocli.CommandLine.HelpCommand.class})
final class TransferlabCommand {
}
