package org.transferlab.kernel.report;

import java.util.List;

/** The charts of one figure kind, and a sentence for each chart that was left out and why. */
record PlotSet(List<LinePlot> plots, List<String> skipped) {

    PlotSet {
        plots = List.copyOf(plots);
        skipped = List.copyOf(skipped);
    }
}
