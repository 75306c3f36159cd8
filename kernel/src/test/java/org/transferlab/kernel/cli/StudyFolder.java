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

    StudyFolder(Path folder) throws IOException {
        file = Files.writeString(folder.resolve("study.yaml"), StudyPlugins.STUDY);
        output = folder.resolve("runs");
    }

    /** Runs {@code transferlab <arguments> <file> --output <output>}. */
    int transferlab(String... arguments) {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(List.of(file.toString(), "--output", output.toString()));
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(command.toArray(String[]::new));
    }

    /** What the commands printed through picocli (the runner's progress goes to the process's standard output). */
    List<String> out() {
        return out.toString().lines().toList();
    }

    List<String> err() {
        return err.toString().lines().toList();
    }
}
