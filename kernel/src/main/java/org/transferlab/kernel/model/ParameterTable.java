package org.transferlab.kernel.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

/**
 * A model's parameter tensors in canonical order (what {@code freeze: {first: N}} counts), whether each is trained
 * under a freeze rule, and the state tensors saved with them.
 */
public record ParameterTable(List<Row> parameters, List<StateSpec> state, List<String> head) {

    /** One parameter tensor. */
    public record Row(int index, String name, long[] shape, boolean trainable) {

        public long size() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }

        public String shapeText() {
            return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    public static ParameterTable of(Architecture architecture, Set<String> frozen) {
        requireNonNull(architecture, "architecture is null");
        requireNonNull(frozen, "frozen is null");
        List<Row> rows = new ArrayList<>();
        List<ParameterSpec> parameters = architecture.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            ParameterSpec parameter = parameters.get(i);
            rows.add(new Row(i, parameter.name(), parameter.shape(), !frozen.contains(parameter.name())));
        }
        return new ParameterTable(List.copyOf(rows), List.copyOf(architecture.state()),
                List.copyOf(architecture.headParameters()));
    }

    public long totalParameters() {
        return parameters.stream().mapToLong(Row::size).sum();
    }

    public long trainableParameters() {
        return parameters.stream().filter(Row::trainable).mapToLong(Row::size).sum();
    }

    /** The table as {@code models describe} prints it. */
    public String format() {
        int nameWidth = Math.max(4, Math.max(
                parameters.stream().mapToInt(row -> row.name().length()).max().orElse(0),
                state.stream().mapToInt(spec -> spec.name().length()).max().orElse(0)));
        int shapeWidth = Math.max(5, parameters.stream().mapToInt(row -> row.shapeText().length()).max().orElse(0));
        String rowFormat = "%5s  %-" + nameWidth + "s  %-" + shapeWidth + "s  %9s  %s%n";
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, rowFormat, "INDEX", "NAME", "SHAPE", "SIZE", "TRAINABLE"));
        for (Row row : parameters) {
            text.append(String.format(Locale.ROOT, rowFormat, row.index(), row.name(), row.shapeText(), row.size(),
                    row.trainable() ? "yes" : "no (frozen)"));
        }
        text.append(String.format(Locale.ROOT, "%d parameter tensors, %,d values, %,d trainable; head: %s%n",
                parameters.size(), totalParameters(), trainableParameters(), String.join(", ", head)));
        if (!state.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%d state tensors (saved with the model, never trained):%n",
                    state.size()));
            for (StateSpec spec : state) {
                String shape = Arrays.stream(spec.shape()).mapToObj(Long::toString)
                        .collect(Collectors.joining(", ", "[", "]"));
                text.append(String.format(Locale.ROOT, "       %-" + nameWidth + "s  %-" + shapeWidth
                        + "s  updated while %s trains%n", spec.name(), shape, spec.owner()));
            }
        }
        return text.toString();
    }
}
