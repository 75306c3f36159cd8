package org.transferlab.kernel.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.transferlab.kernel.config.BaselineBlock;
import org.transferlab.kernel.config.ConfigLocator;
import org.transferlab.kernel.config.ExperimentConfig;
import org.transferlab.kernel.config.FinetuneBlock;
import org.transferlab.kernel.config.PluginRef;
import org.transferlab.kernel.config.PretrainBlock;

/**
 * How many tasks an experiment multiplies out to, counted before anything is expanded, so that a plan too large to
 * hold or to run is refused at once with what multiplies. Counts are in doubles: they only need to be compared.
 */
final class PlanSize {

    private final ExperimentConfig config;
    private final boolean compares;

    PlanSize(ExperimentConfig config, boolean compares) {
        this.config = config;
        this.compares = compares;
    }

    /** @throws PlanException when the plan would have more than {@code maxTasks} tasks */
    void check(long maxTasks) {
        double pretrain = 0;
        List<String[]> sources = new ArrayList<>();
        for (PretrainBlock block : config.pretrain()) {
            pretrain += (double) block.models().size() * block.datasets().size();
            for (String model : block.models()) {
                for (String dataset : block.datasets()) {
                    sources.add(new String[] {model, dataset});
                }
            }
        }
        double finetune = 0;
        for (FinetuneBlock block : config.finetuneOrEmpty()) {
            long parents = sources.stream().filter(source -> selected(block.from(), source)).count();
            finetune += (double) parents * (block.subset() == null ? 1 : block.subset().size());
        }
        double baseline = 0;
        for (BaselineBlock block : config.baselinesOrEmpty()) {
            baseline += (double) block.models().size() * (block.subset() == null ? 1 : block.subset().size());
        }
        double settings = 0;
        for (PluginRef method : config.attack().methods()) {
            settings += method.variants().size();
        }
        double attacks = pretrain * settings;
        double evaluations = (finetune + baseline) * attacks;
        double comparisons = compares ? finetune * settings : 0;
        double perRepeat = pretrain + finetune + baseline + attacks + evaluations + comparisons;
        int repeats = config.repeatsOrDefault();
        double total = perRepeat * repeats;
        if (total <= maxTasks) {
            return;
        }
        String message = String.format(Locale.ROOT, "the plan would have %s tasks, more than the limit of %,d: per "
                        + "repeat %s pre-trainings, %s fine-tunes, %s baselines, %s attacks (sources × %s attack "
                        + "settings), %s evaluations (targets × attacks) and %s comparisons, times %,d %s. Reduce what "
                        + "multiplies, or raise the limit with max_tasks",
                count(total), maxTasks, count(pretrain), count(finetune), count(baseline), count(attacks),
                count(settings), count(evaluations), count(comparisons), repeats, repeats == 1 ? "repeat" : "repeats");
        boolean repeatsAreTheCause = repeats > 1 && perRepeat <= maxTasks;
        throw new PlanException(List.of(new ConfigLocator.Problem(
                repeatsAreTheCause ? List.of("repeats") : config.maxTasks() != null ? List.of("max_tasks") : List.of(),
                message)));
    }

    private static boolean selected(FinetuneBlock.From from, String[] source) {
        return (from.models() == null || from.models().contains(source[0]))
                && (from.datasets() == null || from.datasets().contains(source[1]));
    }

    private static String count(double value) {
        return value < 1e15 ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
