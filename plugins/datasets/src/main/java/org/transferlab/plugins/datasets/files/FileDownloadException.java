package org.transferlab.plugins.datasets.files;

import java.io.IOException;
import java.util.List;
import org.transferlab.api.data.DataFile;

/** No mirror of a file delivered it with the published checksum; {@link #failures()} says what each one did. */
public final class FileDownloadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient DataFile file;
    private final transient List<MirrorFailure> failures;

    FileDownloadException(DataFile file, List<MirrorFailure> failures) {
        super(message(file, failures));
        this.file = file;
        this.failures = List.copyOf(failures);
    }

    private static String message(DataFile file, List<MirrorFailure> failures) {
        if (failures.isEmpty()) {
            return "cannot download " + file.name() + ": no download address is known for it";
        }
        StringBuilder message = new StringBuilder("cannot download ").append(file.name()).append(':');
        for (MirrorFailure failure : failures) {
            message.append("\n  ").append(failure);
        }
        return message.toString();
    }

    public DataFile file() {
        return file;
    }

    /** One entry per mirror tried, in order. */
    public List<MirrorFailure> failures() {
        return failures;
    }

    /** Whether not one mirror could be connected to. */
    public boolean noMirrorReachable() {
        return !failures.isEmpty() && failures.stream().allMatch(MirrorFailure::unreachable);
    }
}
