package org.transferlab.plugins.datasets.files;

import java.net.URI;
import java.util.Objects;

/**
 * Why one mirror did not deliver a file.
 *
 * @param unreachable  no connection could be made (refused, unknown host, timed out): a sign of no network at all
 */
public record MirrorFailure(URI uri, String reason, boolean unreachable) {

    public MirrorFailure {
        Objects.requireNonNull(uri, "uri is null");
        Objects.requireNonNull(reason, "reason is null");
    }

    @Override
    public String toString() {
        return uri + ": " + reason;
    }
}
