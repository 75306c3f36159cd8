package org.transferlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferlab.kernel.cli.Main;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Mutates the quickstart file in several hundred ways (wrong types, nulls, duplicates, extremes, aliases, Unicode,
 * deleted keys) and holds {@code validate} to its contract for every mutant: exit status 0 or 2, and never a stack
 * trace. Every accepted mutant plans, and a cheap subset of them runs with {@code --dry-run}. The commands run in this
 * process with the built-in plugins on the class path, so that hundreds of them take seconds.
 */
class ExperimentFileMutationIT {

    private static final Path QUICKSTART = Path.of(System.getProperty("transferlab.repository"), "examples",
            "quickstart.yaml");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(|Exception in thread|"
            + "\\bjava\\.lang\\.[A-Za-z]+(Exception|Error)\\b|NullPointerException");
    private static final int GENERATED = 700;
    private static final int DRY_RUNS = 12;

    @TempDir
    Path folder;

    /** What one command printed, and its exit status. */
    private record Outcome(int exitCode, String output) {
    }

    private static Outcome transferlab(String... arguments) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            return new Outcome(Main.execute(arguments), printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void everyMutantIsValidOrBadInputWithoutAStackTraceAndEveryValidOnePlans() throws Exception {
        String original = Files.readString(QUICKSTART);
        List<String> mutants = new ArrayList<>(textMutants(original));
        mutants.addAll(treeMutants(original));
        assertTrue(mutants.size() >= 300, "several hundred mutants, got " + mutants.size());

        int accepted = 0;
        int dryRuns = 0;
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < mutants.size(); i++) {
            Path file = Files.writeString(folder.resolve("mutant-" + i + ".yaml"), mutants.get(i));
            Outcome validate = transferlab("validate", file.toString());
            if ((validate.exitCode() != 0 && validate.exitCode() != 2) || STACK_TRACE.matcher(validate.output()).find()) {
                broken.add("validate exited " + validate.exitCode() + " on mutant " + i + ":\n" + mutants.get(i)
                        + "\n---\n" + validate.output());
                continue;
            }
            if (validate.exitCode() != 0) {
                continue;
            }
            accepted++;
            Path output = folder.resolve("out-" + i);
            Outcome plan = transferlab("plan", file.toString(), "--output", output.toString());
            if (plan.exitCode() != 0 || STACK_TRACE.matcher(plan.output()).find()) {
                broken.add("plan exited " + plan.exitCode() + " on accepted mutant " + i + ":\n" + mutants.get(i)
                        + "\n---\n" + plan.output());
                continue;
            }
            if (dryRuns < DRY_RUNS && accepted % 3 == 1) {
                dryRuns++;
                Outcome dryRun = transferlab("run", file.toString(), "--dry-run", "--output", output.toString());
                if (dryRun.exitCode() != 0 || !dryRun.output().contains("would run ")) {
                    broken.add("run --dry-run exited " + dryRun.exitCode() + " on accepted mutant " + i + ":\n"
                            + mutants.get(i) + "\n---\n" + dryRun.output());
                }
            }
        }
        assertEquals(List.of(), broken.stream().limit(5).toList(), broken.size() + " of " + mutants.size()
                + " mutants broke the contract");
        assertTrue(accepted > 20 && accepted < mutants.size() - 100,
                "the mutants mix valid and invalid files: " + accepted + " of " + mutants.size() + " accepted");
        assertEquals(DRY_RUNS, dryRuns);
    }

    /** Mutations that a YAML writer cannot produce: aliases, YAML 1.1 spellings, tags, raw characters, extremes. */
    private static List<String> textMutants(String original) {
        List<String> mutants = new ArrayList<>();
        List<String[]> replacements = new ArrayList<>();
        replacements.add(new String[] {"seed: 1234", "seed: 010"});
        replacements.add(new String[] {"seed: 1234", "seed: 99999999999999999999"});
        replacements.add(new String[] {"eps: [0.1, 0.2, 0.3]", "eps: [1e-400]"});
        replacements.add(new String[] {"eps: [0.1, 0.2, 0.3]", "eps: [0.1, 0.10]"});
        replacements.add(new String[] {"eps: [0.1, 0.2, 0.3]", "eps: [1e400]"});
        replacements.add(new String[] {"eps: [0.1, 0.2, 0.3]", "eps: [.nan]"});
        replacements.add(new String[] {"threads: 0", "threads: on"});
        replacements.add(new String[] {"device: auto", "device: yes"});
        replacements.add(new String[] {"experiment: quickstart", "experiment: \"quick\u200bstart\""});
        replacements.add(new String[] {"experiment: quickstart", "experiment: \"\\e[31mred\""});
        replacements.add(new String[] {"experiment: quickstart", "experiment: ../../escape"});
        replacements.add(new String[] {"  pretrain: { epochs: 2", "  pretrain: &r { epochs: 2"});
        replacements.add(new String[] {"recipe: finetune }", "recipe: *undefined }"});
        replacements.add(new String[] {"metrics: [accuracy,", "metrics: [accuracy, accuracy,"});
        replacements.add(new String[] {"subset: [300, 1000], freeze: { first: 8 }", "subset: [300, 300], freeze: { first: 8 }"});
        replacements.add(new String[] {"subset: [300, 1000], freeze: { first: 8 }", "subset: [0], freeze: { first: 8 }"});
        replacements.add(new String[] {"subset: [300, 1000], freeze: { first: 8 }", "subset: [300], freeze: { first: 800 }"});
        replacements.add(new String[] {"samples: 500", "samples: -1"});
        replacements.add(new String[] {"samples: 500", "samples: !!python/object:os.system ls"});
        replacements.add(new String[] {"plugin: fgsm", "plugin: Bad_Name"});
        replacements.add(new String[] {"outline:  { plugin", "outline-n300:  { plugin"});
        for (String[] replacement : replacements) {
            if (!original.contains(replacement[0])) {
                throw new IllegalStateException("the quickstart has no '" + replacement[0] + "'");
            }
            mutants.add(original.replace(replacement[0], replacement[1]));
        }
        mutants.add(original.replace("seed: 1234", "seed: 1234\nrepeats: 1000000"));
        mutants.add(original.replace("seed: 1234", "seed: 1234\nmax_tasks: 0"));
        mutants.add(original.replace("seed: 1234", "seed: 1234\nseed: 5"));
        mutants.add(original.replace("  pretrain: { epochs: 2", "  pretrain: &r { epochs: 2")
                .replace("  finetune: { epochs: 2, batch_size: 32, optimizer: adam, learning_rate: 0.0005 }",
                        "  finetune: { <<: *r, learning_rate: 0.0005 }"));
        mutants.add(original.replace("  pretrain: { epochs: 2", "  pretrain: &r { epochs: 2")
                .replace("metrics: [", "metrics: *r\nunused: ["));
        mutants.add(original.replace("datasets:\n", "datasets: &d\n").replace("attack:\n", "loop: &l [*l]\nattack:\n"));
        mutants.add("\ufeff" + original);
        mutants.add(original.replace("\n", "\r\n"));
        mutants.add(original.replace("  ", "\t"));
        mutants.add(original + "\n---\nexperiment: second\n");
        mutants.add(original.substring(0, original.length() / 2));
        mutants.add("");
        mutants.add("~");
        mutants.add("[1, 2, 3]");
        mutants.add("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n");
        mutants.add(original.replace("seed: 1234", "seed: 1234\n" + "x".repeat(2000) + ": 1"));
        mutants.add(original.replace("digits:   { plugin: synthetic", "digits:   { plugin: synthetic, \u0000"));
        return mutants;
    }

    /** Mutations of the parsed file, written back as YAML: every node deleted, nulled, retyped or duplicated. */
    @SuppressWarnings("unchecked")
    private static List<String> treeMutants(String original) {
        Object tree = new Yaml().load(original);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(tree, new ArrayList<>(), paths);
        List<UnaryOperator<Object>> replacements = List.of(
                value -> null, value -> "text", value -> 0, value -> -1, value -> 2_147_483_648L, value -> 1.0e300,
                value -> -0.0, value -> true, value -> List.of(), value -> Map.of(), value -> "alex\u200bnet",
                value -> "\u202eevil", value -> "日本語", value -> "😀", value -> "../../outside", value -> "x".repeat(300),
                value -> value instanceof List<?> list && !list.isEmpty() ? duplicateFirst(list) : List.of(value, value),
                value -> Map.of("nested", value == null ? "null" : value));
        Random random = new Random(13);
        List<String> mutants = new ArrayList<>();
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Yaml writer = new Yaml(options);
        for (int i = 0; i < GENERATED; i++) {
            List<Object> path = paths.get(random.nextInt(paths.size()));
            Object copy = new Yaml().load(original);
            int choice = random.nextInt(replacements.size() + 1);
            if (choice == replacements.size()) {
                delete(copy, path);
            } else {
                Object current = get(copy, path);
                set(copy, path, replacements.get(choice).apply(current));
            }
            mutants.add(writer.dump(copy));
        }
        return mutants;
    }

    private static List<Object> duplicateFirst(List<?> list) {
        List<Object> longer = new ArrayList<>(list);
        longer.add(list.get(0));
        return longer;
    }

    private static void collectPaths(Object node, List<Object> path, List<List<Object>> paths) {
        if (!path.isEmpty()) {
            paths.add(List.copyOf(path));
        }
        if (node instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                path.add(key);
                collectPaths(map.get(key), path, paths);
                path.remove(path.size() - 1);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                path.add(i);
                collectPaths(list.get(i), path, paths);
                path.remove(path.size() - 1);
            }
        }
    }

    private static Object get(Object root, List<Object> path) {
        Object node = root;
        for (Object step : path) {
            node = node instanceof Map<?, ?> map ? map.get(step) : ((List<?>) node).get((Integer) step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> path, Object value) {
        Object parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(last, value);
        } else {
            ((List<Object>) parent).set((Integer) last, value);
        }
    }

    private static void delete(Object root, List<Object> path) {
        Object parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else {
            ((List<?>) parent).remove((int) (Integer) last);
        }
    }
}
