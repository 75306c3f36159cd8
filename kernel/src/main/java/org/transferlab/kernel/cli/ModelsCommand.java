package org.transferlab.kernel.cli;

import picocli.CommandLine.Command;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Shows what the model plugins build.",
        subcommands = {DescribeModelCommand.class})
final class ModelsCommand {
}
