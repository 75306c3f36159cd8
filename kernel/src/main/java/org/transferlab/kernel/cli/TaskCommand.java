package org.transferlab.kernel.cli;

import picocli.CommandLine.Command;

@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Runs single tasks of the plan, as the jobs of a cluster scheduler do.",
        subcommands = {TaskRunCommand.class, TaskFinishCommand.class, TaskWorkerCommand.class})
final class TaskCommand {
}
