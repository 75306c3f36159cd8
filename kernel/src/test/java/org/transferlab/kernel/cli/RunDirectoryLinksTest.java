package org.transferlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** No command writes or deletes through a symbolic link below the run directory, or into an output that is a file. */
class RunDirectoryLinksTest {

    @TempDir
    Path folder;

    private static List<String> contents(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.map(file -> directory.relativize(file) + (Files.isDirectory(file) ? "/" : "=" + size(file)))
                    .sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReportRefusesAFiguresFolderThatIsALinkAndLeavesWhatItPointsToAlone() throws Exception {
        Path run = Files.createDirectories(folder.resolve("runs/study"));
        Files.writeString(run.resolve("results.json"), ReportCommandTest.ONE_ROW);
        Path elsewhere = Files.createDirectories(folder.resolve("my-pictures"));
        Files.writeString(elsewhere.resolve("holiday.png"), "a picture");
        Files.writeString(elsewhere.resolve("heatmap--fgsm-eps0.2.svg"), "named like a figure");
        Files.createSymbolicLink(run.resolve("figures"), elsewhere);
        List<String> before = contents(elsewhere);

        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        assertEquals(2, commandLine.execute("report", run.toString()));

        assertEquals(before, contents(elsewhere));
        assertEquals(List.of("figures", "results.json"), Files.list(run).map(p -> p.getFileName().toString()).sorted()
                .toList(), "no report was written either");
        assertTrue(err.toString().contains(run.resolve("figures") + " is a symbolic link (to " + elsewhere + ")"),
                err.toString());
    }

    @Test
    void aRunRefusesAModelsFolderThatIsALinkBeforeWritingAnything() throws Exception {
        StudyFolder study = new StudyFolder(folder);
        Path run = Files.createDirectories(study.output.resolve("study"));
        Path elsewhere = Files.createDirectories(folder.resolve("unrelated/pretrain~linear@a"));
        Files.writeString(elsewhere.resolve("keep.txt"), "someone's work");
        Files.createSymbolicLink(run.resolve("models"), elsewhere.getParent());
        List<String> before = contents(elsewhere.getParent());

        assertEquals(2, study.transferlab("run"));
        assertEquals(2, study.transferlab("task", "run", "pretrain/linear@a"));

        assertEquals(before, contents(elsewhere.getParent()));
        assertEquals(List.of("models"), Files.list(run).map(path -> path.getFileName().toString()).toList());
        assertTrue(String.join("\n", study.err()).contains("models is a symbolic link"), study.err().toString());
    }

    @Test
    void anOutputThatIsAFileIsBadInput() throws Exception {
        StudyFolder study = new StudyFolder(folder);
        Files.writeString(study.output, "not a folder");

        assertEquals(2, study.transferlab("run"));

        assertTrue(String.join("\n", study.err()).contains(study.output + " is a file, not a folder"), study.err().toString());
        assertEquals("not a folder", Files.readString(study.output));
    }
}
