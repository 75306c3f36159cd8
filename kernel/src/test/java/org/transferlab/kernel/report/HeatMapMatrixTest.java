package org.transferlab.kernel.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatMapMatrixTest {

    @TempDir
    Path run;

    @Test
    void oneMatrixPerAttackWithATargetPerRowAndASourcePerColumnInResultOrder() throws Exception {
        RunFixture.complete(run);

        List<HeatMapMatrix> matrices = HeatMapMatrix.of(StoredRun.read(run).summaries());

        assertEquals(List.of("fgsm-eps0.1", "fgsm-eps0.2"), matrices.stream().map(HeatMapMatrix::attack).toList());
        HeatMapMatrix eps01 = matrices.get(0);
        assertEquals(List.of(RunFixture.target(100, "first8"), RunFixture.target(400, "first8")), eps01.targets());
        assertEquals(List.of(RunFixture.PARENT, RunFixture.OTHER), eps01.sources());
        assertArrayEquals(new double[] {0.26, 0.05}, eps01.values()[0]);
        assertArrayEquals(new double[] {0.23, 0.06}, eps01.values()[1]);
        assertArrayEquals(new boolean[] {true, false}, eps01.parent()[0]);
        assertArrayEquals(new boolean[] {true, false}, eps01.parent()[1]);
    }

    @Test
    void aTargetThatOneSourceDidNotAttackHasAnEmptyCell() throws Exception {
        new RunFixture(run)
                .row(100, "first8", RunFixture.PARENT, 0.1, 0.9, 0.5, 0.4)
                .row(100, "first8", RunFixture.OTHER, 0.1, 0.9, 0.6, 0.3)
                .row(400, "first8", RunFixture.OTHER, 0.1, 0.9, 0.7, 0.2)
                .writeResults();

        HeatMapMatrix matrix = HeatMapMatrix.of(StoredRun.read(run).summaries()).get(0);

        assertEquals(Double.NaN, matrix.value(RunFixture.target(400, "first8"), RunFixture.PARENT));
        assertEquals(0.2, matrix.value(RunFixture.target(400, "first8"), RunFixture.OTHER));
    }
}
