package org.transferlab.kernel.config;

/**
 * Where datasets are read from.
 *
 * @param root      the data root; {@code ~} expands to the user's home; default {@code ~/.transferlab/data}
 * @param download  whether missing files may be downloaded; default false
 */
public record DataConfig(String root, Boolean download) {

    public String rootOrDefault() {
        return root == null ? "~/.transferlab/data" : root;
    }

    public boolean downloadOrDefault() {
        return download != null && download;
    }
}
