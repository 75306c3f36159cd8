package org.transferlab.kernel.cli;

import picocli.CommandLine.Command;

@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Shows, downloads and checks the files of the dataset plugins.",
        subcommands = {DataListCommand.class, DataFetchCommand.class, DataVerifyCommand.class})
final class DataCommand {
}
