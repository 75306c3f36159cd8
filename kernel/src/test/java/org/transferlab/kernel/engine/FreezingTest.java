package org.transferlab.kernel.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transferlab.kernel.config.Freeze;

class FreezingTest {

    private static final List<String> PARAMETERS = List.of(
            "conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias");

    @Test
    void firstFreezesTheLeadingTensorsInCanonicalOrder() {
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight"), frozen(new Freeze(3, null, null)));
    }

    @Test
    void lastFreezesTheTrailingTensors() {
        assertEquals(List.of("fc.weight", "fc.bias"), frozen(new Freeze(null, 2, null)));
    }

    @Test
    void zeroAndNoneFreezeNothing() {
        assertEquals(List.of(), frozen(new Freeze(0, null, null)));
        assertEquals(List.of(), frozen(Freeze.NONE));
    }

    @Test
    void globsSelectByNameAndKeepCanonicalOrder() {
        assertEquals(List.of("conv1.weight", "conv2.weight", "fc.bias"),
                frozen(new Freeze(null, null, List.of("fc.bias", "conv?.weight"))));
        assertEquals(List.of("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias"),
                frozen(new Freeze(null, null, List.of("conv*"))));
    }

    @Test
    void globCharactersOtherThanStarAndQuestionMarkAreLiteral() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> frozen(new Freeze(null, null, List.of("conv1.weigh."))));
        assertEquals("freeze params: 'conv1.weigh.' matches no parameter of the model (conv1.weight, conv1.bias, "
                + "conv2.weight, conv2.bias, fc.weight, fc.bias)", error.getMessage());
    }

    @Test
    void rejectsFreezeCountLargerThanModel() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> frozen(new Freeze(7, null, null)));
        assertEquals("freeze first: 7 is more than the model's 6 parameter tensors", error.getMessage());
    }

    @Test
    void rejectsMoreThanOneRule() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> frozen(new Freeze(1, 1, null)));
        assertEquals("freeze gives more than one of first, last and params", error.getMessage());
    }

    private static List<String> frozen(Freeze freeze) {
        return List.copyOf(Freezing.frozenParameters(freeze, PARAMETERS));
    }
}
