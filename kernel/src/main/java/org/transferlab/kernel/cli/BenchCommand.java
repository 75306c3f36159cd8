package org.transferlab.kernel.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures speed; prints images per second and compares configurations.",
        subcommands = {BenchTrainCommand.class, BenchFineTuneCommand.class, BenchAttackCommand.class,
            BenchProfileCommand.class})
final class BenchCommand {
}
