package org.transferlab.kernel.config;

import java.nio.file.Path;

/** A path from the file or the command line, with a leading {@code ~} read as the user's home folder. */
public final class HomePath {

    private HomePath() {
    }

    public static Path expand(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
