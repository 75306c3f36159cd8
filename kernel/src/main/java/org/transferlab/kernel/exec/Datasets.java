package org.transferlab.kernel.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.transferlab.api.PluginKind;
import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;
import org.transferlab.api.data.ImageSet;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.data.StratifiedSubset;
import org.transferlab.kernel.plugin.PluginCatalog;

/** Opens each dataset alias once per run and hands out splits and seeded stratified subsets. */
final class Datasets {

    private final Map<String, PluginRef> aliases;
    private final PluginCatalog plugins;
    private final DataContext context;
    private final Map<String, Dataset> opened = new HashMap<>();

    Datasets(Map<String, PluginRef> aliases, PluginCatalog plugins, DataContext context) {
        this.aliases = aliases;
        this.plugins = plugins;
        this.context = context;
    }

    Dataset open(String alias) {
        return opened.computeIfAbsent(alias, this::load);
    }

    ImageSet split(String alias, String split) {
        try {
            return open(alias).split(split);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read split " + split + " of dataset " + alias + ": " + e.getMessage(), e);
        }
    }

    /** {@code count} images of a split, stratified by class and chosen by {@code seed}; the whole split when count is null. */
    ImageSet subset(String alias, String split, Integer count, long seed) {
        return subset(alias, split, count, seed, false);
    }

    /**
     * {@link #subset(String, String, Integer, long)}; when {@code nested}, the first {@code count} images of one
     * stratified order that {@code seed} gives, so that a smaller subset lies inside every larger one.
     */
    ImageSet subset(String alias, String split, Integer count, long seed, boolean nested) {
        ImageSet images = split(alias, split);
        if (count == null || count == images.count()) {
            return images;
        }
        return images.select(nested ? StratifiedSubset.nested(images.labels(), count, seed)
                : StratifiedSubset.select(images.labels(), count, seed));
    }

    /**
     * What the plugin says about a dataset without reading its files, so that asking does not need them present (an
     * evaluation on MNIST must not fail because a source's SVHN files are not on this machine).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    DatasetInfo describe(String alias) {
        PluginRef ref = aliases.get(alias);
        DatasetProvider provider = (DatasetProvider) plugins.find(PluginKind.DATASET, ref.plugin()).orElseThrow();
        return provider.describe(ref.options());
    }

    int numClasses(String alias) {
        return open(alias).info().numClasses();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Dataset load(String alias) {
        PluginRef ref = aliases.get(alias);
        DatasetProvider provider = (DatasetProvider) plugins.find(PluginKind.DATASET, ref.plugin()).orElseThrow();
        try {
            return provider.open(ref.options(), context);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open dataset " + alias + " (" + ref.plugin() + "): " + e.getMessage(), e);
        }
    }
}
