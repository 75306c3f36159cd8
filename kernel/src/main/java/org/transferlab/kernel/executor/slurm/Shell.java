package org.transferlab.kernel.executor.slurm;

import java.util.List;
import java.util.stream.Collectors;

/** Words of a POSIX shell command line, quoted so that the shell passes them on exactly as they are. */
final class Shell {

    private Shell() {
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./=:@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    static String command(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }
}
