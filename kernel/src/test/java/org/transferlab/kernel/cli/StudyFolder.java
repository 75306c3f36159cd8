package org.transferlab.kernel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.transferlab.kernel.exec.StudyPlugins;
import picocli.CommandLine;

/** The study of {@link StudyPlugins} written to a folder, and transferlab run in this process with its output kept. */
final class StudyFolder {

    final Path file;
    final Path output;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();

    StudyFolder(Path folder) throws IOException {
        this(folder, StudyPlugins.STUDY);
    }

    /** Another study on the same plugins. */
    StudyFolder(Path folder, String yaml) throws IOException {
        file = Files.writeString(folder.resolve("study.yaml"), yaml);
        output = folder.resolve("runs");
    }

    /** Runs {@code transferlab <arguments> <file> --output <output>} ({@code validate} takes no output). */
    int transferlab(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.add(file.toString());
        if (!arguments[0].equals("validate")) {
            command.addAll(List.of("--output", output.toString()));
        }
        // Replaced before picocli is set up: picocli wraps whatever System.out is when it runs.
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute(command.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
    }

    /** What the commands printed on the process's standard output: the runner's and the executors' progress. */
    List<String> stdout() {
        return stdout.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }

    /** What the commands printed through picocli (the runner's progress goes to the process's standard output). */
    List<String> out() {
        return out.toString().lines().toList();
    }

    List<String> err() {
        return err.toString().lines().toList();
    }
}
