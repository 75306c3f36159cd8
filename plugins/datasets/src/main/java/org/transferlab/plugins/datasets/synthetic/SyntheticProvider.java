package org.transferlab.plugins.datasets.synthetic;

import org.transferlab.api.data.DataContext;
import org.transferlab.api.data.Dataset;
import org.transferlab.api.data.DatasetInfo;
import org.transferlab.api.data.DatasetProvider;

/** The offline default: ten digit-like glyph classes drawn in one of several visual styles. No files are read. */
public final class SyntheticProvider implements DatasetProvider<SyntheticOptions> {

    @Override
    public String name() {
        return "synthetic";
    }

    @Override
    public Class<SyntheticOptions> optionsType() {
        return SyntheticOptions.class;
    }

    @Override
    public String description() {
        return "procedural 28x28 glyphs in styles stroke, outline, dotted, inverted, noisy";
    }

    @Override
    public DatasetInfo describe(SyntheticOptions options) {
        return SyntheticDataset.describe(options);
    }

    @Override
    public Dataset open(SyntheticOptions options, DataContext context) {
        return new SyntheticDataset(options);
    }
}
