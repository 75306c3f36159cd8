package org.transferlab.kernel.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.transferlab.api.model.Architecture;
import org.transferlab.api.model.Initializer;
import org.transferlab.api.model.ModelGraph;
import org.transferlab.api.model.ParameterSpec;
import org.transferlab.api.model.StateSpec;

class ParameterTableTest {

    private static final Architecture SMALL = new Architecture() {
        @Override
        public List<ParameterSpec> parameters() {
            return List.of(
                    new ParameterSpec("conv.weight", new long[] {3, 3, 1, 4}, new Initializer.Constant(0)),
                    new ParameterSpec("bn.gamma", new long[] {4}, new Initializer.Constant(1)),
                    new ParameterSpec("fc.weight", new long[] {4, 10}, new Initializer.Constant(0)));
        }

        @Override
        public List<StateSpec> state() {
            return List.of(new StateSpec("bn.moving_mean", new long[] {4}, 0, "bn.gamma"));
        }

        @Override
        public List<String> headParameters() {
            return List.of("fc.weight");
        }

        @Override
        public Operand<TFloat32> logits(ModelGraph graph, Operand<TFloat32> images, boolean training) {
            throw new UnsupportedOperationException("only described");
        }
    };

    @Test
    void listsParametersInCanonicalOrderWithSizesTrainabilityAndState() {
        ParameterTable table = ParameterTable.of(SMALL, Set.of("conv.weight"));

        assertEquals(List.of(0, 1, 2), table.parameters().stream().map(ParameterTable.Row::index).toList());
        assertEquals(36 + 4 + 40, table.totalParameters());
        assertEquals(4 + 40, table.trainableParameters());
        assertEquals("""
                INDEX  NAME            SHAPE              SIZE  TRAINABLE
                    0  conv.weight     [3, 3, 1, 4]         36  no (frozen)
                    1  bn.gamma        [4]                   4  yes
                    2  fc.weight       [4, 10]              40  yes
                3 parameter tensors, 80 values, 44 trainable; head: fc.weight
                1 state tensors (saved with the model, never trained):
                       bn.moving_mean  [4]           updated while bn.gamma trains
                """, table.format());
    }
}
